import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { PassThrough } from "node:stream";
import { describe, it } from "node:test";
import { BinaryWriter } from "@bufbuild/protobuf/wire";
import { type ClientReadableStream, credentials, Metadata, type ServiceError, status } from "@grpc/grpc-js";
import {
  decodeStatus,
  fillRequestId,
  newNonce,
  RewardsClient,
  RewardsError,
  rewards,
  sign,
  signingInterceptor,
  signingKey,
  stringToSign,
  toRewardsError,
  unary,
} from "../index";
import { PACKAGE_ROOT } from "./server";

interface Vector {
  secret: string;
  method: string;
  timestamp: string;
  nonce: string;
  body_hex: string;
  signing_key_hex: string;
  string_to_sign: string;
  signature: string;
}

const VECTORS_PATH = resolve(PACKAGE_ROOT, "../../tests/vectors/request_signing.json");

describe("request signing", () => {
  const { vectors } = JSON.parse(readFileSync(VECTORS_PATH, "utf8")) as { vectors: Vector[] };

  it("has vectors to check", () => {
    assert.ok(vectors.length >= 4, `vectors in ${VECTORS_PATH}`);
  });

  for (const [index, v] of vectors.entries()) {
    it(`matches shared vector ${index} (${v.method})`, () => {
      const body = Buffer.from(v.body_hex, "hex");
      const key = signingKey(v.secret);
      assert.equal(key.toString("hex"), v.signing_key_hex);
      assert.equal(stringToSign(v.method, v.timestamp, v.nonce, body), v.string_to_sign);
      assert.equal(sign(key, v.method, v.timestamp, v.nonce, body), v.signature);
    });
  }

  it("makes fresh nonces the server accepts", () => {
    const a = newNonce();
    assert.match(a, /^[A-Za-z0-9_-]{16,64}$/);
    assert.notEqual(a, newNonce());
  });
});

describe("errors", () => {
  function statusBytes(): Uint8Array {
    const errorInfo = new BinaryWriter()
      .tag(1, 2).string("STORE_UNAVAILABLE")
      .tag(2, 2).string("rewards.coupons")
      .tag(3, 2).fork().tag(1, 2).string("store").tag(2, 2).string("redis").join()
      .tag(3, 2).fork().tag(1, 2).string("attempt").tag(2, 2).string("2").join()
      .finish();
    const retryInfo = new BinaryWriter().tag(1, 2).fork().tag(1, 0).int64(1).tag(2, 0).int32(250_000_000).join().finish();
    return new BinaryWriter()
      .tag(1, 0).int32(status.UNAVAILABLE)
      .tag(2, 2).string("try again")
      .tag(3, 2).fork().tag(1, 2).string("type.googleapis.com/google.rpc.ErrorInfo").tag(2, 2).bytes(errorInfo).join()
      .tag(3, 2).fork().tag(1, 2).string("type.googleapis.com/google.rpc.RetryInfo").tag(2, 2).bytes(retryInfo).join()
      .tag(9, 2).string("an unknown field is skipped")
      .finish();
  }

  it("decodes google.rpc.Status with ErrorInfo and RetryInfo", () => {
    assert.deepEqual(decodeStatus(statusBytes()), {
      code: status.UNAVAILABLE,
      message: "try again",
      reason: "STORE_UNAVAILABLE",
      domain: "rewards.coupons",
      metadata: { store: "redis", attempt: "2" },
      retryDelayMs: 1250,
    });
  });

  it("turns a grpc-js ServiceError into a RewardsError", () => {
    const trailers = new Metadata();
    trailers.set("grpc-status-details-bin", Buffer.from(statusBytes()));
    trailers.set("x-request-id", "req-1");
    const serviceError: ServiceError = Object.assign(new Error("14 UNAVAILABLE: try again"), {
      code: status.UNAVAILABLE,
      details: "try again",
      metadata: trailers,
    });
    const error = toRewardsError(serviceError);
    assert.ok(error instanceof RewardsError);
    assert.equal(error.code, status.UNAVAILABLE);
    assert.equal(error.codeName, "UNAVAILABLE");
    assert.equal(error.reason, "STORE_UNAVAILABLE");
    assert.equal(error.domain, "rewards.coupons");
    assert.deepEqual(error.metadata, { store: "redis", attempt: "2" });
    assert.equal(error.retryDelayMs, 1250);
    assert.equal(error.requestId, "req-1");
    assert.ok(error.retryable);
    assert.equal(error.message, "STORE_UNAVAILABLE: try again");
  });

  it("keeps the code of an error without details", () => {
    const error = toRewardsError(Object.assign(new Error("5 NOT_FOUND"), { code: status.NOT_FOUND, details: "gone", metadata: new Metadata() }));
    assert.equal(error.code, status.NOT_FOUND);
    assert.equal(error.reason, undefined);
    assert.equal(error.retryable, false);
  });
});

describe("client helpers", () => {
  it("fills an empty request_id once and keeps a given one", () => {
    const request = rewards.accounts.v1.CreateAccountRequest.create({ programId: "p" });
    const id = fillRequestId(request);
    assert.ok(id && request.requestId === id);
    assert.equal(fillRequestId(request), id);
    assert.equal(fillRequestId(rewards.accounts.v1.GetAccountRequest.create({ accountId: "a" })), undefined);
  });

  it("backs off with full jitter, capped", () => {
    const client = RewardsClient.connect("127.0.0.1:1", { orgId: "o", clientId: "c", clientSecret: "s" });
    try {
      for (let attempt = 1; attempt <= 8; attempt++) {
        for (let i = 0; i < 50; i++) {
          const delay = client.backoffMs(attempt);
          assert.ok(delay >= 0 && delay <= Math.min(2_000, 50 * 2 ** (attempt - 1)), `attempt ${attempt}: ${delay}`);
        }
      }
    } finally {
      client.close();
    }
  });

  it("retries UNAVAILABLE with the same request_id, then gives up after maxAttempts", async () => {
    const client = RewardsClient.connect("127.0.0.1:1", { orgId: "o", clientId: "c", clientSecret: "s" }, { maxAttempts: 3, backoffBaseMs: 1 });
    try {
      const seen: string[] = [];
      const alwaysDown = (
        request: rewards.accounts.v1.CreateAccountRequest,
        _metadata: Metadata,
        _options: unknown,
        callback: (error: ServiceError | null, response: rewards.accounts.v1.CreateAccountResponse) => void,
      ) => {
        seen.push(request.requestId);
        callback(Object.assign(new Error("down"), { code: status.UNAVAILABLE, details: "down", metadata: new Metadata() }), rewards.accounts.v1.CreateAccountResponse.create());
        return undefined as never;
      };
      await assert.rejects(
        client.call(alwaysDown, rewards.accounts.v1.CreateAccountRequest.create({ programId: "p" })),
        (error: unknown) => error instanceof RewardsError && error.code === status.UNAVAILABLE,
      );
      assert.equal(seen.length, 3);
      assert.ok(seen[0] !== "" && seen.every((id) => id === seen[0]));
    } finally {
      client.close();
    }
  });
});

describe("serverStream", () => {
  type Batch = rewards.loyalty.v1.CreateEarnCodesResponse;
  /** A fake server-streaming method: yields `batches`, then fails with `failure` if given; records request ids and cancels. */
  function fakeStream(batches: Batch[], failure?: ServiceError) {
    const seen = { requestIds: [] as string[], cancelled: 0 };
    const method = (request: rewards.loyalty.v1.CreateEarnCodesRequest, _metadata: Metadata, _options: unknown): ClientReadableStream<Batch> => {
      seen.requestIds.push(request.requestId);
      const stream = new PassThrough({ objectMode: true });
      for (const batch of batches) stream.write(batch);
      if (failure) setImmediate(() => stream.destroy(failure));
      else stream.end();
      const cancel = () => {
        seen.cancelled++;
        stream.destroy();
      };
      return Object.assign(stream, { cancel }) as unknown as ClientReadableStream<Batch>;
    };
    return { method, seen };
  }
  const batch = (n: number) => rewards.loyalty.v1.CreateEarnCodesResponse.create({ codes: [`C${n}`], createdCount: String(n) });
  const request = () => rewards.loyalty.v1.CreateEarnCodesRequest.create({ programId: "p", points: "1", count: "2" });

  it("fills an empty request_id, yields every response and converts a failure to a RewardsError", async () => {
    const client = RewardsClient.connect("127.0.0.1:1", { orgId: "o", clientId: "c", clientSecret: "s" });
    try {
      const failure = Object.assign(new Error("gone"), { code: status.NOT_FOUND, details: "gone", metadata: new Metadata() });
      const { method, seen } = fakeStream([batch(1), batch(2)], failure);
      const got: string[] = [];
      const sent = request();
      await assert.rejects(
        async () => {
          for await (const b of client.serverStream(method, sent)) got.push(...b.codes);
        },
        (error: unknown) => error instanceof RewardsError && error.code === status.NOT_FOUND,
      );
      assert.deepEqual(got, ["C1", "C2"]);
      assert.ok(sent.requestId && seen.requestIds[0] === sent.requestId);
    } finally {
      client.close();
    }
  });

  it("cancels the call when the caller stops early", async () => {
    const client = RewardsClient.connect("127.0.0.1:1", { orgId: "o", clientId: "c", clientSecret: "s" });
    try {
      const { method, seen } = fakeStream([batch(1), batch(2)]);
      for await (const _ of client.serverStream(method, request())) break;
      assert.equal(seen.cancelled, 1);
    } finally {
      client.close();
    }
  });
});

describe("signing interceptor without a token", () => {
  // No server needed: the call never gets past the interceptor.
  function clientWith(tokens: { cachedAccessToken(): string | undefined; accessToken(): Promise<string> }) {
    return new rewards.accounts.v1.AccountServiceClient("127.0.0.1:1", credentials.createInsecure(), {
      interceptors: [signingInterceptor("s", tokens)],
    });
  }

  it("fails the call with the token error (code and details kept)", async () => {
    const refused = new RewardsError({ code: status.UNAUTHENTICATED, details: "bad secret", reason: "CLIENT_CREDENTIALS_INVALID" });
    const client = clientWith({ cachedAccessToken: () => undefined, accessToken: () => Promise.reject(refused) });
    try {
      await assert.rejects(
        unary(client.getAccount.bind(client), rewards.accounts.v1.GetAccountRequest.create({ accountId: "a" }), undefined, 5_000),
        (error: unknown) => error instanceof RewardsError && error.code === status.UNAUTHENTICATED && error.details === "bad secret",
      );
    } finally {
      client.close();
    }
  });

  it("ends the call at its deadline while the token is pending", async () => {
    const client = clientWith({ cachedAccessToken: () => undefined, accessToken: () => new Promise<string>(() => {}) });
    try {
      const started = Date.now();
      await assert.rejects(
        unary(client.getAccount.bind(client), rewards.accounts.v1.GetAccountRequest.create({ accountId: "a" }), undefined, 200),
        (error: unknown) => error instanceof RewardsError && error.code === status.DEADLINE_EXCEEDED,
      );
      assert.ok(Date.now() - started < 2_000);
    } finally {
      client.close();
    }
  });
});
