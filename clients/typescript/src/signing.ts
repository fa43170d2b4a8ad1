// Request signing, identical in every rewards-core client (vectors: tests/vectors/request_signing.json):
//
//   signing_key    = HMAC-SHA256(key = client secret (UTF-8), msg = "rewards-core request signing v1")
//   string_to_sign = full method name LF unix seconds LF nonce LF lowercase hex(SHA-256(request bytes))
//   signature      = lowercase hex(HMAC-SHA256(signing_key, string_to_sign))
//
// sent as metadata x-rewards-timestamp, x-rewards-nonce and x-rewards-signature, beside
// `authorization: Bearer <access token>`. The request bytes are exactly the bytes on the wire:
// the interceptor serializes the message with the method's own serializer (`Message.encode(msg).finish()`).

import { createHash, createHmac, randomBytes } from "node:crypto";
import {
  InterceptingCall,
  type Interceptor,
  type InterceptingListener,
  type Listener,
  Metadata,
  type Requester,
  status,
  type StatusObject,
} from "@grpc/grpc-js";
import { isServiceError, RewardsError } from "./errors";

export const SIGNING_KEY_LABEL = "rewards-core request signing v1";
export const TIMESTAMP_HEADER = "x-rewards-timestamp";
export const NONCE_HEADER = "x-rewards-nonce";
export const SIGNATURE_HEADER = "x-rewards-signature";

/** Called without an access token and unsigned: they carry credentials of their own. */
export const PUBLIC_METHODS: ReadonlySet<string> = new Set([
  "/rewards.auth.v1.AuthService/IssueToken",
  "/rewards.auth.v1.AuthService/RefreshToken",
]);

/** HMAC-SHA256(client secret, "rewards-core request signing v1"). */
export function signingKey(clientSecret: string): Buffer {
  return createHmac("sha256", Buffer.from(clientSecret, "utf8")).update(SIGNING_KEY_LABEL, "utf8").digest();
}

export function stringToSign(method: string, timestamp: string, nonce: string, body: Uint8Array): string {
  const digest = createHash("sha256").update(body).digest("hex");
  return `${method}\n${timestamp}\n${nonce}\n${digest}`;
}

/** Lowercase hex signature of one request. */
export function sign(key: Uint8Array, method: string, timestamp: string, nonce: string, body: Uint8Array): string {
  return createHmac("sha256", key).update(stringToSign(method, timestamp, nonce, body), "utf8").digest("hex");
}

/** A fresh nonce: 24 characters of [A-Za-z0-9_-] (the server accepts 16 to 64). */
export function newNonce(): string {
  return randomBytes(18).toString("base64url");
}

/** The three signature headers for one attempt of a call (fresh timestamp and nonce). */
export function signatureHeaders(
  key: Uint8Array,
  method: string,
  body: Uint8Array,
  nowMs: number = Date.now(),
): [string, string][] {
  const timestamp = String(Math.floor(nowMs / 1000));
  const nonce = newNonce();
  return [
    [TIMESTAMP_HEADER, timestamp],
    [NONCE_HEADER, nonce],
    [SIGNATURE_HEADER, sign(key, method, timestamp, nonce, body)],
  ];
}

/** Where the interceptor gets access tokens from (a TokenSource). */
export interface AccessTokenProvider {
  /** The current token if it is still valid, without waiting (it may start a renewal in the background). */
  cachedAccessToken(): string | undefined;
  /** A valid token, fetching one first if needed (the fetch is shared and has a ceiling of its own). */
  accessToken(): Promise<string>;
}

/**
 * Trailer set on the DEADLINE_EXCEEDED status of a call whose deadline ran out while it waited
 * for an access token (the status never came from the server). `RewardsClient.call` does not
 * retry such a failure: the call's time is spent, and the fetch goes on without it.
 */
export const TOKEN_WAIT_TRAILER = "x-rewards-client-token-wait";

function tokenWaitDeadline(): StatusObject {
  const metadata = new Metadata();
  metadata.set(TOKEN_WAIT_TRAILER, "deadline-exceeded");
  return { code: status.DEADLINE_EXCEEDED, details: "Deadline exceeded while getting an access token", metadata };
}

/**
 * A grpc-js client interceptor that adds `authorization: Bearer <token>` to every call except
 * IssueToken/RefreshToken, and signs every call. Each attempt is signed anew with a fresh nonce.
 *
 * A call whose request is a single message (unary, server-streaming) is signed over its bytes:
 * its start is held back until the request message is known and the token is available;
 * messages and half-close are replayed in order then. A call with a request stream (client- or
 * bidi-streaming) is signed over an empty body, as the server verifies it, and starts as soon
 * as the token is available.
 */
/** What a request stream is signed over: its messages are not known when the call starts. */
const EMPTY_BODY = new Uint8Array(0);

export function signingInterceptor(clientSecret: string, tokens: AccessTokenProvider): Interceptor {
  const key = signingKey(clientSecret);
  return (options, nextCall) => {
    const definition = options.method_definition;
    const method = definition.path;
    if (PUBLIC_METHODS.has(method)) {
      return new InterceptingCall(nextCall(options));
    }
    const oneRequest = !definition.requestStream;
    const deadlineMs = deadlineOf(options.deadline);

    let metadata: Metadata | undefined;
    let listener: InterceptingListener | undefined;
    let startNext: ((metadata: Metadata, listener: InterceptingListener | Listener) => void) | undefined;
    let preparing = false;
    let ready = false;
    let finished = false; // A status was delivered by this interceptor: never start the call.
    const queued: (() => void)[] = [];

    const finish = (result: StatusObject): void => {
      if (finished || ready) return;
      finished = true;
      queued.length = 0;
      const target = listener;
      process.nextTick(() => target?.onReceiveStatus(result));
    };

    const proceed = (token: string, body: Uint8Array, waited: boolean): void => {
      if (finished || ready || !metadata || !listener || !startNext) return;
      // The underlying call ends itself at its deadline; starting it after that would never
      // report. If the token took that long, end the call here instead.
      if (waited && deadlineMs !== undefined && Date.now() >= deadlineMs - 2) {
        finish(tokenWaitDeadline());
        return;
      }
      const headers = metadata.clone();
      headers.set("authorization", `Bearer ${token}`);
      for (const [name, value] of signatureHeaders(key, method, body)) headers.set(name, value);
      ready = true;
      startNext(headers, listener);
      for (const replay of queued.splice(0)) replay();
    };

    const prepare = (body: Uint8Array): void => {
      if (preparing) return;
      preparing = true;
      const cached = tokens.cachedAccessToken();
      if (cached !== undefined) {
        proceed(cached, body, false);
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      if (deadlineMs !== undefined) {
        timer = setTimeout(
          () => finish(tokenWaitDeadline()),
          Math.max(0, deadlineMs - Date.now() - 2),
        );
        timer.unref();
      }
      tokens.accessToken().then(
        (token) => {
          clearTimeout(timer);
          proceed(token, body, true);
        },
        (error: unknown) => {
          clearTimeout(timer);
          finish(statusOfTokenFailure(error));
        },
      );
    };

    const requester: Requester = {
      start(callMetadata, callListener, next) {
        metadata = callMetadata;
        listener = callListener;
        startNext = next;
        if (!oneRequest) prepare(EMPTY_BODY);
      },
      sendMessage(message, next) {
        if (ready) {
          next(message);
          return;
        }
        if (finished) return;
        queued.push(() => next(message));
        if (oneRequest) {
          let body: Uint8Array;
          try {
            body = definition.requestSerialize(message);
          } catch (error) {
            finish({ code: status.INTERNAL, details: `Request message serialization failure: ${String(error)}`, metadata: new Metadata() });
            return;
          }
          prepare(body);
        }
      },
      halfClose(next) {
        if (ready) next();
        else if (!finished) queued.push(next);
      },
      cancel(next) {
        if (!ready) finish({ code: status.CANCELLED, details: "Cancelled on client", metadata: new Metadata() });
        next();
      },
    };
    return new InterceptingCall(nextCall(options), requester);
  };
}

function deadlineOf(deadline: Date | number | undefined): number | undefined {
  if (deadline === undefined) return undefined;
  const ms = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(ms) ? ms : undefined;
}

/** A failed IssueToken/RefreshToken becomes the status of the call that needed the token. */
function statusOfTokenFailure(error: unknown): StatusObject {
  if (error instanceof RewardsError) {
    return { code: error.code, details: error.details, metadata: error.trailers };
  }
  if (isServiceError(error)) {
    return { code: error.code, details: error.details, metadata: error.metadata };
  }
  return { code: status.UNAVAILABLE, details: `Getting an access token failed: ${String(error)}`, metadata: new Metadata() };
}
