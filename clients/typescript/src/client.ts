// `RewardsClient`: one channel, authenticated and signed calls, typed errors, safe retries.
//
//   const client = RewardsClient.connect("localhost:50051", { orgId, clientId, clientSecret });
//   const { account } = await client.call(client.accounts.createAccount,
//     CreateAccountRequest.create({ programId: "demo" }));
//
// `call` fills an empty `requestId` once per logical operation and retries UNAVAILABLE and
// DEADLINE_EXCEEDED with that same id (the server replays the first answer), with exponential
// backoff and full jitter; every failure is thrown as a RewardsError. A call that needs a token
// while the (shared) token fetch is slow fails with DEADLINE_EXCEEDED at its deadline, not retried.

import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  type CallOptions,
  Channel,
  type ChannelCredentials,
  type ChannelOptions,
  type Client,
  type ClientOptions,
  type ClientDuplexStream,
  type ClientReadableStream,
  type ClientUnaryCall,
  credentials as grpcCredentials,
  Metadata,
  type ServiceError,
  status,
} from "@grpc/grpc-js";
import { AccountServiceClient } from "./gen/rewards/accounts/v1/account_service";
import { AuthServiceClient } from "./gen/rewards/auth/v1/auth_service";
import { CheckoutServiceClient } from "./gen/rewards/checkout/v1/checkout_service";
import { CouponServiceClient } from "./gen/rewards/coupons/v1/coupon_service";
import { OfferServiceClient } from "./gen/rewards/coupons/v1/offer_service";
import { LoyaltyServiceClient } from "./gen/rewards/loyalty/v1/loyalty_service";
import { ProgramServiceClient } from "./gen/rewards/loyalty/v1/program_service";
import { RewardsError, toRewardsError } from "./errors";
import { signingInterceptor, TOKEN_WAIT_TRAILER } from "./signing";
import { type Credentials, TokenSource } from "./tokens";

/** A unary method of a generated client (its callback form); the service clients' methods are bound. */
export type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Res) => void,
) => ClientUnaryCall;

/** A server-streaming method of a generated client (one request, a stream of responses); bound like UnaryMethod. */
export type ServerStreamingMethod<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
) => ClientReadableStream<Res>;

/** A bidirectional-streaming method of a generated client; bound like UnaryMethod. */
export type BidiStreamingMethod<Req, Res> = (metadata: Metadata, options: Partial<CallOptions>) => ClientDuplexStream<Req, Res>;

/** Codes `call` retries, with the same request_id. */
export const RETRYABLE_CODES: ReadonlySet<status> = new Set([status.UNAVAILABLE, status.DEADLINE_EXCEEDED]);

/** Reasons after which the cached access token is dropped, so the next call gets a new one. */
const TOKEN_REFUSED_REASONS: ReadonlySet<string> = new Set([
  "TOKEN_INVALID",
  "TOKEN_EXPIRED",
  "TOKEN_NOT_YET_VALID",
  "TOKEN_REVOKED",
]);

export interface RewardsClientOptions {
  /** Default: insecure (plaintext). Use grpc.credentials.createSsl(...) for TLS / mTLS. */
  channelCredentials?: ChannelCredentials;
  channelOptions?: ChannelOptions;
  /** Deadline of each attempt of `call` (default 5000 ms). */
  timeoutMs?: number;
  /** Attempts of `call` for UNAVAILABLE / DEADLINE_EXCEEDED, the first included (default 5). */
  maxAttempts?: number;
  /** Backoff before attempt n+1: uniform in [0, min(backoffMaxMs, backoffBaseMs * 2^(n-1))] (defaults 50, 2000). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Renew the access token this long before it expires (default 60 000 ms). */
  refreshMarginMs?: number;
  /**
   * Ceiling of one token fetch (IssueToken / RefreshToken), shared by the calls that wait for it
   * (default 10 000 ms). Each call waits for it at most until its own deadline.
   */
  tokenTimeoutMs?: number;
}

export interface CallSettings {
  /** Deadline of each attempt (default: the client's timeoutMs); of the whole stream for `serverStream` (default: none). */
  timeoutMs?: number;
  /** Extra request metadata (authorization and signature headers are added). */
  metadata?: Metadata;
}

type ServiceClientConstructor<C extends Client> = {
  new (address: string, credentials: ChannelCredentials, options?: Partial<ClientOptions>): C;
  service: object;
};

/** A new request id (a random UUID) for a mutating request. */
export function newRequestId(): string {
  return randomUUID();
}

export class RewardsClient {
  readonly auth: AuthServiceClient;
  readonly accounts: AccountServiceClient;
  readonly offers: OfferServiceClient;
  readonly coupons: CouponServiceClient;
  readonly programs: ProgramServiceClient;
  readonly loyalty: LoyaltyServiceClient;
  readonly checkout: CheckoutServiceClient;

  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;

  private constructor(
    readonly target: string,
    /** The one channel every service client uses (also usable with `channelOverride` for more clients). */
    readonly channel: Channel,
    readonly tokens: TokenSource,
    channelCredentials: ChannelCredentials,
    credentials: Credentials,
    options: RewardsClientOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.backoffBaseMs = options.backoffBaseMs ?? 50;
    this.backoffMaxMs = options.backoffMaxMs ?? 2_000;
    const interceptor = signingInterceptor(credentials.clientSecret, tokens);
    const make = <C extends Client>(constructor: ServiceClientConstructor<C>): C =>
      bindMethods(
        new constructor(target, channelCredentials, { channelOverride: channel, interceptors: [interceptor] }),
        constructor.service,
      );
    this.auth = make(AuthServiceClient);
    this.accounts = make(AccountServiceClient);
    this.offers = make(OfferServiceClient);
    this.coupons = make(CouponServiceClient);
    this.programs = make(ProgramServiceClient);
    this.loyalty = make(LoyaltyServiceClient);
    this.checkout = make(CheckoutServiceClient);
  }

  /**
   * A client for `target` ("host:port"). Nothing is sent until the first call: the first call
   * issues a token, later calls reuse and renew it.
   */
  static connect(target: string, credentials: Credentials, options: RewardsClientOptions = {}): RewardsClient {
    const channelCredentials = options.channelCredentials ?? grpcCredentials.createInsecure();
    const channel = new Channel(target, channelCredentials, options.channelOptions ?? {});
    // The token source calls IssueToken / RefreshToken on the same channel, without the interceptor.
    const tokenAuth = new AuthServiceClient(target, channelCredentials, { channelOverride: channel });
    const tokens = new TokenSource(tokenAuth, credentials, {
      refreshMarginMs: options.refreshMarginMs,
      timeoutMs: options.tokenTimeoutMs,
    });
    return new RewardsClient(target, channel, tokens, channelCredentials, credentials, options);
  }

  /**
   * Calls a unary `method` of one of the service clients (e.g. `client.accounts.createAccount`).
   * An empty `requestId` of the request is set (on the object you pass) to a new id once, and the
   * call is retried on UNAVAILABLE / DEADLINE_EXCEEDED with that same id. Throws RewardsError.
   */
  async call<Req, Res>(method: UnaryMethod<Req, Res>, request: Req, settings: CallSettings = {}): Promise<Res> {
    fillRequestId(request);
    for (let attempt = 1; ; attempt++) {
      try {
        return await unary(method, request, settings.metadata ?? new Metadata(), settings.timeoutMs ?? this.timeoutMs);
      } catch (caught) {
        const error = toRewardsError(caught);
        if (error.code === status.UNAUTHENTICATED && error.reason !== undefined && TOKEN_REFUSED_REASONS.has(error.reason)) {
          this.tokens.invalidate();
        }
        if (!RETRYABLE_CODES.has(error.code) || attempt >= this.maxAttempts) throw error;
        // The deadline ran out waiting for a token: the call's time is spent, don't wait again.
        if (error.trailers.get(TOKEN_WAIT_TRAILER).length > 0) throw error;
        await sleep(this.backoffMs(attempt, error));
      }
    }
  }

  /**
   * Calls a server-streaming `method` (e.g. `client.programs.createEarnCodes`) and yields its
   * responses. An empty `requestId` is set once, as `call` does; the call is signed like a unary
   * one (the signature covers the one request). It is not retried: after a failure, call again
   * with the same request (same id) and the server streams the first answer again. Throws
   * RewardsError. Stopping the iteration early cancels the call.
   *
   *   for await (const batch of client.serverStream(client.programs.createEarnCodes, request)) { ... }
   */
  async *serverStream<Req, Res>(
    method: ServerStreamingMethod<Req, Res>,
    request: Req,
    settings: CallSettings = {},
  ): AsyncGenerator<Res, void, undefined> {
    fillRequestId(request);
    const options: Partial<CallOptions> = settings.timeoutMs === undefined ? {} : { deadline: Date.now() + settings.timeoutMs };
    yield* this.responses<Res>(method(request, settings.metadata ?? new Metadata(), options));
  }

  /**
   * Calls a bidirectional-streaming `method` (e.g. `client.coupons.bulkIssueCoupons`): sends
   * `requests` (an empty `requestId` of each is set, on the objects you pass), half-closes, and
   * yields the replies. The call is signed when it starts, over an empty body. It is not retried:
   * to resume, send the unanswered requests again with their request ids. Throws RewardsError;
   * stopping the iteration early cancels the call.
   */
  async *exchange<Req, Res>(
    method: BidiStreamingMethod<Req, Res>,
    requests: Iterable<Req>,
    settings: CallSettings = {},
  ): AsyncGenerator<Res, void, undefined> {
    const options: Partial<CallOptions> = settings.timeoutMs === undefined ? {} : { deadline: Date.now() + settings.timeoutMs };
    const call = method(settings.metadata ?? new Metadata(), options);
    yield* this.responses<Res>(call, () => {
      for (const request of requests) {
        fillRequestId(request);
        call.write(request);
      }
      call.end();
    });
  }

  /** Yields the messages of a call's response stream; failures as RewardsError; cancels the call if the caller stops early. */
  private async *responses<Res>(stream: ClientReadableStream<unknown> | ClientDuplexStream<never, unknown>, send: () => void = () => {}): AsyncGenerator<Res, void, undefined> {
    let finished = false;
    try {
      send();
      for await (const message of stream) yield message as Res;
      finished = true;
    } catch (caught) {
      finished = true;
      const error = toRewardsError(caught);
      if (error.code === status.UNAUTHENTICATED && error.reason !== undefined && TOKEN_REFUSED_REASONS.has(error.reason)) {
        this.tokens.invalidate();
      }
      throw error;
    } finally {
      if (!finished) stream.cancel(); // The caller stopped early.
    }
  }

  /** Full jitter: uniform in [0, min(max, base * 2^(attempt-1))], at least a RetryInfo delay the server sent. */
  backoffMs(attempt: number, error?: RewardsError): number {
    const ceiling = Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** (attempt - 1));
    const jitter = Math.random() * ceiling;
    return Math.min(this.backoffMaxMs, Math.max(jitter, error?.retryDelayMs ?? 0));
  }

  /** Closes the channel (and with it every service client). */
  close(): void {
    this.channel.close();
  }
}

/** One attempt of a unary call as a promise; failures are RewardsError. */
export function unary<Req, Res>(
  method: UnaryMethod<Req, Res>,
  request: Req,
  metadata: Metadata = new Metadata(),
  timeoutMs?: number,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const options: Partial<CallOptions> = timeoutMs === undefined ? {} : { deadline: Date.now() + timeoutMs };
    method(request, metadata, options, (error, response) => {
      if (error) reject(toRewardsError(error));
      else resolve(response);
    });
  });
}

/** Sets an empty `requestId` of a request message to a new id; returns the id (or undefined if it has none). */
export function fillRequestId(request: unknown): string | undefined {
  if (request === null || typeof request !== "object" || !("requestId" in request)) return undefined;
  const message = request as { requestId: unknown };
  if (message.requestId === "" || message.requestId === undefined) message.requestId = newRequestId();
  return typeof message.requestId === "string" ? message.requestId : undefined;
}

/** Binds the service's methods to the client, so `client.accounts.createAccount` can be passed around. */
function bindMethods<C extends Client>(client: C, service: object): C {
  const methods = client as unknown as Record<string, unknown>;
  for (const name of Object.keys(service)) {
    const method = methods[name];
    if (typeof method === "function") methods[name] = method.bind(client);
  }
  return client;
}
