// Test harness: starts the real server (`rewards-core serve`) on a fresh data dir, waits until it
// serves, creates API credentials with `rewards-core clients create`, and stops it with SIGTERM.

import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { Client, credentials, Metadata } from "@grpc/grpc-js";
import type { Credentials } from "../tokens";

/** clients/typescript (compiled tests live in dist/test). */
export const PACKAGE_ROOT = resolve(__dirname, "..", "..");
const REPO_ROOT = resolve(PACKAGE_ROOT, "..", "..");
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 60_000;
export const ALL_SCOPES =
  "accounts:read,accounts:write,coupons:admin,coupons:redeem,coupons:read,loyalty:admin,loyalty:earn,loyalty:read,loyalty:redeem,checkout";

export function serverBinary(): string {
  return process.env.REWARDS_CORE_BIN || resolve(REPO_ROOT, ".venv", "bin", "rewards-core");
}

export function serverBinaryPresent(): boolean {
  return existsSync(serverBinary());
}

export class ServerProcess {
  readonly dataDir = mkdtempSync("/tmp/rcts-");
  /** Where the server's capture sender appends each redemption OTP, one JSON object a line. */
  readonly otpFile = join(this.dataDir, "otp.jsonl");
  readonly log: string[] = [];
  port = 0;
  private process: ChildProcess | undefined;
  private exit: Promise<number | null> | undefined;
  private readonly env: NodeJS.ProcessEnv;

  constructor(private readonly binary: string = serverBinary()) {
    // The server embeds its own Redis and Postgres under dataDir: REDIS_URL / DATABASE_URL are
    // not passed on, so shared stores are never touched. OTPs go to otpFile
    // (core/adapters/otp.py), where otpCode() reads what a member would have received.
    this.env = {
      ...process.env,
      REWARDS_ADDRESS: "127.0.0.1:0",
      REWARDS_DATA_DIR: this.dataDir,
      REWARDS_METRICS_ADDRESS: "",
      REWARDS_OTP_SENDER: `capture:${this.otpFile}`,
    };
    delete this.env.REDIS_URL;
    delete this.env.DATABASE_URL;
  }

  get target(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const child = spawn(this.binary, ["serve", "--workers", "1"], {
      env: this.env,
      stdio: ["ignore", "ignore", "pipe"],
      detached: true, // Its own process group, so a failed run can kill the workers too.
    });
    this.process = child;
    this.exit = new Promise((done) => child.once("exit", (code, signal) => done(signal ? -1 : code)));
    process.once("exit", () => this.kill());

    const started = new Promise<number>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`no "rewards-core started" log line within ${START_TIMEOUT_MS} ms:\n${this.tail()}`)), START_TIMEOUT_MS);
      createInterface({ input: child.stderr! }).on("line", (line) => {
        this.log.push(line);
        if (this.log.length > 400) this.log.shift();
        let entry: { message?: unknown; port?: unknown } | undefined;
        try {
          entry = JSON.parse(line);
        } catch {
          return; // Not every stderr line is JSON (warnings of libraries).
        }
        if (entry?.message === "rewards-core started" && typeof entry.port === "number") {
          clearTimeout(timer);
          ready(entry.port);
        }
      });
      child.once("error", (error) => {
        clearTimeout(timer);
        fail(error);
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        fail(new Error(`server exited (${code}) before it started:\n${this.tail()}`));
      });
    });
    this.port = await started;
    await this.waitUntilServing();
    return this;
  }

  /** Polls grpc.health.v1.Health/Check ("" = the whole server) until SERVING. */
  private async waitUntilServing(): Promise<void> {
    const client = new Client(this.target, credentials.createInsecure());
    const deadline = Date.now() + START_TIMEOUT_MS;
    try {
      for (;;) {
        const serving = await new Promise<boolean>((done) => {
          client.makeUnaryRequest(
            "/grpc.health.v1.Health/Check",
            () => Buffer.alloc(0), // HealthCheckRequest{service: ""}
            (bytes: Buffer) => bytes,
            {},
            new Metadata(),
            { deadline: Date.now() + 2_000 },
            (error, response) => done(!error && response !== undefined && response.equals(Buffer.from([0x08, 0x01]))), // status: SERVING
          );
        });
        if (serving) return;
        if (Date.now() > deadline) throw new Error(`server not serving within ${START_TIMEOUT_MS} ms:\n${this.tail()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      client.close();
    }
  }

  /** API credentials for a new client of `org` (the CLI talks to the same stores). */
  createCredentials(org: string, scopes: string = ALL_SCOPES): Promise<Credentials> {
    return new Promise((done, fail) => {
      execFile(this.binary, ["clients", "create", "--org", org, "--scopes", scopes], { env: this.env, timeout: 60_000 }, (error, stdout, stderr) => {
        if (error) {
          fail(new Error(`rewards-core clients create failed: ${error.message}\n${stderr}`));
          return;
        }
        for (const line of stdout.split("\n")) {
          try {
            const created = JSON.parse(line) as { org_id: string; client_id: string; client_secret: string };
            if (created.client_secret) {
              done({ orgId: created.org_id, clientId: created.client_id, clientSecret: created.client_secret });
              return;
            }
          } catch {
            // not the JSON line
          }
        }
        fail(new Error(`no credentials in the output of rewards-core clients create:\n${stdout}\n${stderr}`));
      });
    });
  }

  /** Creates the loyalty program `programId` in the credentials' organisation (accounts and offers
   * are opened only in a program that exists), with the server's own `rewards-core call`. */
  createProgram(creds: Credentials, programId: string): Promise<void> {
    const body = JSON.stringify({ program: { program_id: programId, display_name: "TS e2e", currency_code: "EUR", time_zone: "Europe/Berlin" } });
    const env = { ...this.env, REWARDS_ORG_ID: creds.orgId, REWARDS_CLIENT_ID: creds.clientId, REWARDS_CLIENT_SECRET: creds.clientSecret, REWARDS_CREDENTIALS_FILE: "" };
    return new Promise((done, fail) => {
      execFile(this.binary, ["call", "--target", this.target, "rewards.loyalty.v1.ProgramService/CreateProgram", "-d", body], { env, timeout: 60_000 }, (error, _stdout, stderr) => {
        if (error) fail(new Error(`rewards-core call CreateProgram ${programId} failed: ${error.message}\n${stderr}`));
        else done();
      });
    });
  }

  /**
   * The code of the redemption OTP `otpId`, as the capture sender wrote it. The server sends the
   * OTP before RequestRedemptionOtp answers, so it is there once that call returned.
   */
  otpCode(otpId: string): string {
    const lines = existsSync(this.otpFile) ? readFileSync(this.otpFile, "utf8").split("\n") : [];
    for (const line of lines) {
      if (!line.trim()) continue;
      const sent = JSON.parse(line) as { otp_id: string; code: string };
      if (sent.otp_id === otpId) return sent.code;
    }
    throw new Error(`no OTP ${otpId} in ${this.otpFile}`);
  }

  /** SIGTERM, then the exit code (SIGKILL of the group and -1 if it does not exit in time). */
  async stop(): Promise<number | null> {
    if (!this.process || !this.exit) return null;
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill("SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      this.exit,
      new Promise<number>((r) => {
        timer = setTimeout(() => {
          this.kill();
          r(-1);
        }, STOP_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    rmSync(this.dataDir, { recursive: true, force: true });
    return code;
  }

  /** SIGKILL the server's process group if it is still running. */
  kill(): void {
    const child = this.process;
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }

  tail(lines = 30): string {
    return this.log.slice(-lines).join("\n");
  }
}
