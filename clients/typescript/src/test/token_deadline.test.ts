// The client's token fetch against a real gRPC server (grpc-js, in this process, over TCP) whose
// AuthService stalls: calls fail at their own deadline and share one fetch, a failed fetch does
// not poison later calls, and a refresh in progress never holds up calls with a valid token.

import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { Metadata, Server, ServerCredentials, type ServerUnaryCall, type sendUnaryData, status } from "@grpc/grpc-js";
import { RewardsClient, RewardsError, rewards } from "../index";

const auth = rewards.auth.v1;
const accounts = rewards.accounts.v1;

const CALLS = 8;
const DEADLINE_MS = 1_000;
const BOUND_MS = 4_000; // A call with a 1 s deadline answers within this, even on a loaded 2-core machine.
const STALL_MS = 30_000;

/** IssueToken / RefreshToken that answer only once released (at most after STALL_MS) while their stall is on. */
class StallingAuth {
  issued = 0;
  refreshed = 0;
  stallIssue = true;
  stallRefresh = false;
  private released = false;
  private waiting: (() => void)[] = [];

  release(): void {
    this.released = true;
    for (const wake of this.waiting.splice(0)) wake();
  }

  private stall(on: boolean): Promise<void> {
    if (!on || this.released) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, STALL_MS);
      timer.unref();
      this.waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private pair(n: number) {
    const now = Math.floor(Date.now() / 1000);
    return {
      accessToken: `access-${n}`,
      accessTokenExpireTime: { seconds: String(now + 900), nanos: 0 },
      refreshToken: `refresh-${n}`,
      refreshTokenExpireTime: { seconds: String(now + 86_400), nanos: 0 },
    };
  }

  readonly service = {
    issueToken: (_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<rewards.auth.v1.IssueTokenResponse>) => {
      this.issued++;
      const n = this.issued + this.refreshed;
      void this.stall(this.stallIssue).then(() => callback(null, auth.IssueTokenResponse.create(this.pair(n))));
    },
    refreshToken: (_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<rewards.auth.v1.RefreshTokenResponse>) => {
      this.refreshed++;
      const n = this.issued + this.refreshed;
      void this.stall(this.stallRefresh).then(() => callback(null, auth.RefreshTokenResponse.create(this.pair(n))));
    },
    revokeToken: (_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<rewards.auth.v1.RevokeTokenResponse>) => {
      callback(null, auth.RevokeTokenResponse.create());
    },
  };
}

/** GetAccount answers at once, with the bearer token it got as the account id. */
function getAccountHandler(call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<rewards.accounts.v1.GetAccountResponse>): void {
  const [header] = call.metadata.get("authorization");
  if (typeof header !== "string" || !header.startsWith("Bearer ")) {
    callback({ code: status.UNAUTHENTICATED, details: "no token", metadata: new Metadata() });
    return;
  }
  callback(null, accounts.GetAccountResponse.create({ account: { accountId: header.slice("Bearer ".length) } }));
}

let cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

async function startServer(): Promise<{ stalling: StallingAuth; target: string }> {
  const stalling = new StallingAuth();
  const server = new Server();
  server.addService(auth.AuthServiceService, stalling.service);
  const unimplemented = (_call: unknown, callback: sendUnaryData<unknown>) =>
    callback({ code: status.UNIMPLEMENTED, details: "not here", metadata: new Metadata() });
  const accountHandlers: Record<string, unknown> = {};
  for (const name of Object.keys(accounts.AccountServiceService)) accountHandlers[name] = unimplemented;
  accountHandlers.getAccount = getAccountHandler;
  server.addService(accounts.AccountServiceService, accountHandlers as never);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  cleanups.push(() => {
    stalling.release();
    server.forceShutdown();
  });
  return { stalling, target: `127.0.0.1:${port}` };
}

function connect(target: string, options: Parameters<typeof RewardsClient.connect>[2] = {}): RewardsClient {
  const client = RewardsClient.connect(target, { orgId: "o", clientId: "c", clientSecret: "s" }, { backoffBaseMs: 10, ...options });
  cleanups.push(() => client.close());
  return client;
}

interface Outcome {
  token?: string;
  error?: RewardsError;
  elapsedMs: number;
}

async function getAccount(client: RewardsClient, timeoutMs: number = DEADLINE_MS): Promise<Outcome> {
  const began = Date.now();
  try {
    const reply = await client.call(client.accounts.getAccount, accounts.GetAccountRequest.create({ accountId: "x" }), { timeoutMs });
    return { token: reply.account?.accountId, elapsedMs: Date.now() - began };
  } catch (error) {
    assert.ok(error instanceof RewardsError, String(error));
    return { error, elapsedMs: Date.now() - began };
  }
}

function concurrently(n: number, call: () => Promise<Outcome>): Promise<Outcome[]> {
  return Promise.all(Array.from({ length: n }, call));
}

describe("token fetch against a stalling AuthService", () => {
  it("fails each concurrent call at its own deadline, with one IssueToken for all, and recovers when the stall ends", async () => {
    const { stalling, target } = await startServer();
    const client = connect(target, { tokenTimeoutMs: 60_000 });

    for (const outcome of await concurrently(CALLS, () => getAccount(client))) {
      assert.equal(outcome.error?.code, status.DEADLINE_EXCEEDED, `got ${String(outcome.error ?? outcome.token)}`);
      assert.ok(outcome.elapsedMs >= DEADLINE_MS * 0.9 && outcome.elapsedMs < BOUND_MS, `answered after ${outcome.elapsedMs} ms`);
    }
    assert.equal(stalling.issued, 1, "one shared fetch");

    const later = await getAccount(client);
    assert.equal(later.error?.code, status.DEADLINE_EXCEEDED);
    assert.ok(later.elapsedMs < BOUND_MS);
    assert.equal(stalling.issued, 1, "a later call joins the fetch in flight");

    stalling.release(); // The stall ends: the fetch in flight completes.
    const after = await getAccount(client, 5_000);
    assert.equal(after.token, "access-1", `got ${String(after.error)}`);
    assert.ok(after.elapsedMs < BOUND_MS);
    assert.equal(stalling.issued, 1);
  });

  it("does not let a failed fetch poison later calls", async () => {
    const { stalling, target } = await startServer();
    // The fetch's own ceiling (1 s) is shorter than the calls' deadlines (5 s): it fails for all
    // of them (one attempt each: a retry would start a new fetch, as the next call does below).
    const client = connect(target, { tokenTimeoutMs: DEADLINE_MS, maxAttempts: 1 });

    for (const outcome of await concurrently(CALLS, () => getAccount(client, 5_000))) {
      assert.equal(outcome.error?.code, status.DEADLINE_EXCEEDED, `got ${String(outcome.error ?? outcome.token)}`);
      assert.ok(outcome.elapsedMs < BOUND_MS, `answered after ${outcome.elapsedMs} ms`);
    }
    assert.equal(stalling.issued, 1);

    stalling.stallIssue = false;
    const next = await getAccount(client, 5_000);
    assert.equal(next.token, "access-2", `got ${String(next.error)}`);
    assert.ok(next.elapsedMs < BOUND_MS);
    assert.equal(stalling.issued, 2, "the next call started a new fetch");
  });

  it("never makes a call with a valid token wait for a refresh in progress", async () => {
    const { stalling, target } = await startServer();
    stalling.stallIssue = false;
    // One attempt of 5 s each, shorter than the refresh's 30 s stall: a call that waited for the
    // refresh would fail; each must succeed with the current token.
    const client = connect(target, { maxAttempts: 1 });
    assert.equal((await getAccount(client, 5_000)).token, "access-1");

    stalling.stallRefresh = true;
    client.tokens.refreshMarginMs = 15 * 60_000 + 10_000; // The valid 15-minute token now counts as expiring.
    for (const outcome of await concurrently(CALLS, () => getAccount(client, 5_000))) {
      assert.equal(outcome.token, "access-1", `got ${String(outcome.error)}`);
    }
    assert.equal(stalling.refreshed, 1, "one refresh, in flight beside the calls");
    assert.equal(stalling.issued, 1);

    stalling.release();
    await client.tokens.renewal();
    client.tokens.refreshMarginMs = 60_000;
    const renewed = await getAccount(client, 5_000);
    assert.equal(renewed.token, "access-2");
    assert.equal(stalling.refreshed, 1);
  });
});
