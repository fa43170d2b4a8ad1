// Access tokens: issued with the client credentials, renewed ahead of expiry through the
// (rotating) refresh token, falling back to a new IssueToken when the refresh token is refused.

import { randomUUID } from "node:crypto";
import { type CallOptions, type ClientUnaryCall, Metadata, type ServiceError, status } from "@grpc/grpc-js";
import type { Timestamp } from "./gen/google/protobuf/timestamp";
import {
  type AuthServiceClient,
  IssueTokenRequest,
  type IssueTokenResponse,
  RefreshTokenRequest,
} from "./gen/rewards/auth/v1/auth_service";
import { RewardsError, toRewardsError } from "./errors";
import type { AccessTokenProvider } from "./signing";

export interface Credentials {
  orgId: string;
  clientId: string;
  clientSecret: string;
}

/** Tokens are renewed this long before they expire, so a call never carries an expiring one. */
export const REFRESH_MARGIN_MS = 60_000;

export interface TokenSourceOptions {
  /** Renew this long before expiry (default 60 s). */
  refreshMarginMs?: number;
  /** Ceiling of one token fetch, RefreshToken and IssueToken together (default 10 s). */
  timeoutMs?: number;
}

type TokenPair = Pick<IssueTokenResponse, "accessToken" | "accessTokenExpireTime" | "refreshToken" | "refreshTokenExpireTime">;

/**
 * Holds the current token pair and renews it ahead of expiry. One fetch (RefreshToken, or
 * IssueToken) at a time, shared by every caller that needs it, bounded by `timeoutMs` (default
 * 10 s) whoever waits for it; the signing interceptor lets each call wait for it at most until the
 * call's own deadline (then DEADLINE_EXCEEDED), while the fetch goes on for the others. A failed
 * fetch fails only its waiters: the next caller starts a new one. While the current access token
 * is valid, callers get it at once; within the refresh margin it is renewed in the background.
 * Errors are RewardsError.
 */
export class TokenSource implements AccessTokenProvider {
  /** Renew this long before expiry. Mutable, e.g. to force a renewal in tests. */
  refreshMarginMs: number;
  /** How many times a token pair was obtained, per way. */
  readonly renewals = { issued: 0, refreshed: 0 };

  private readonly timeoutMs: number;
  private access: string | undefined;
  private accessExpireMs = 0;
  private refresh: string | undefined;
  private refreshExpireMs = 0;
  private renewing: Promise<string> | undefined;
  /** After a failed renewal ahead of expiry, the next one waits until then. */
  private aheadNotBeforeMs = 0;

  constructor(
    private readonly auth: AuthServiceClient,
    private readonly credentials: Credentials,
    options: TokenSourceOptions = {},
  ) {
    this.refreshMarginMs = options.refreshMarginMs ?? REFRESH_MARGIN_MS;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /**
   * The current access token while it is valid, without waiting; undefined if there is none.
   * Within the refresh margin it also starts a renewal in the background.
   */
  cachedAccessToken(): string | undefined {
    const now = Date.now();
    if (this.access === undefined || now >= this.accessExpireMs) return undefined;
    if (now >= this.accessExpireMs - this.refreshMarginMs && now >= this.aheadNotBeforeMs && this.renewing === undefined) {
      this.start().catch(() => {
        this.aheadNotBeforeMs = Date.now() + 1_000;
      });
    }
    return this.access;
  }

  /** A valid access token: the current one, or the result of the fetch in progress (started if none). */
  accessToken(): Promise<string> {
    const cached = this.cachedAccessToken();
    if (cached !== undefined) return Promise.resolve(cached);
    return this.start();
  }

  /** Resolves when the fetch in progress, if any, has ended (its failure is not passed on). */
  async renewal(): Promise<void> {
    await this.renewing?.catch(() => undefined);
  }

  private start(): Promise<string> {
    if (this.renewing === undefined) {
      const renewing = this.renew(Date.now() + this.timeoutMs).finally(() => {
        if (this.renewing === renewing) this.renewing = undefined;
      });
      renewing.catch(() => undefined); // Nobody may be waiting any more: never an unhandled rejection.
      this.renewing = renewing;
    }
    return this.renewing;
  }

  /** The current refresh token (rotated on every refresh), if any. */
  get refreshToken(): string | undefined {
    return this.refresh;
  }

  /** Forget the access token (e.g. after the server refused it): the next call renews it. */
  invalidate(): void {
    this.access = undefined;
    this.accessExpireMs = 0;
  }

  private async renew(deadlineMs: number): Promise<string> {
    if (this.refresh !== undefined && Date.now() < this.refreshExpireMs - this.refreshMarginMs) {
      try {
        const pair = await this.unary<RefreshTokenRequest, TokenPair>(
          (request, metadata, options, callback) => this.auth.refreshToken(request, metadata, options, callback),
          RefreshTokenRequest.create({ requestId: randomUUID(), refreshToken: this.refresh }),
          deadlineMs,
        );
        this.renewals.refreshed++;
        return this.take(pair);
      } catch (error) {
        if (!(error instanceof RewardsError) || error.code !== status.UNAUTHENTICATED) throw error;
        this.refresh = undefined; // Expired, revoked or reused: start a new family.
      }
    }
    const { orgId, clientId, clientSecret } = this.credentials;
    const pair = await this.unary<IssueTokenRequest, TokenPair>(
      (request, metadata, options, callback) => this.auth.issueToken(request, metadata, options, callback),
      IssueTokenRequest.create({ orgId, clientId, clientSecret }),
      deadlineMs,
    );
    this.renewals.issued++;
    return this.take(pair);
  }

  private take(pair: TokenPair): string {
    this.access = pair.accessToken;
    this.accessExpireMs = millis(pair.accessTokenExpireTime);
    this.refresh = pair.refreshToken || undefined;
    this.refreshExpireMs = millis(pair.refreshTokenExpireTime);
    this.aheadNotBeforeMs = 0;
    return pair.accessToken;
  }

  private unary<Req, Res>(
    method: (
      request: Req,
      metadata: Metadata,
      options: Partial<CallOptions>,
      callback: (error: ServiceError | null, response: Res) => void,
    ) => ClientUnaryCall,
    request: Req,
    deadlineMs: number,
  ): Promise<Res> {
    return new Promise((resolve, reject) => {
      method(request, new Metadata(), { deadline: deadlineMs }, (error, response) => {
        if (error) reject(toRewardsError(error));
        else resolve(response);
      });
    });
  }
}

function millis(timestamp: Timestamp | undefined): number {
  return timestamp === undefined ? 0 : Number(timestamp.seconds) * 1000 + Math.floor(timestamp.nanos / 1e6);
}
