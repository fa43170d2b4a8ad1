// End to end against the real server: tokens, signed calls, idempotent retries, typed errors.
// Skipped (with a message) only when the server binary is missing and CI is not "true".

import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { credentials as grpcCredentials, Metadata, type ServiceError, status } from "@grpc/grpc-js";
import { REFRESH_MARGIN_MS, RewardsClient, RewardsError, rewards, signingInterceptor, unary, type UnaryMethod } from "../index";
import { ServerProcess, serverBinary, serverBinaryPresent } from "./server";

const accounts = rewards.accounts.v1;
const coupons = rewards.coupons.v1;

const missing = !serverBinaryPresent();
const skip =
  missing && process.env.CI !== "true"
    ? `rewards-core server binary not found at ${serverBinary()} (run \`make build\` or set REWARDS_CORE_BIN); skipping the end-to-end tests`
    : false;

function eur(amountMinor: string): rewards.type.v1.Money {
  return { amountMinor, currencyCode: "EUR" };
}

function newAccount(): rewards.accounts.v1.CreateAccountRequest {
  return accounts.CreateAccountRequest.create({
    programId: "ts-client",
    identifiers: [{ type: accounts.IdentifierType.IDENTIFIER_TYPE_CARDCODE, value: randomUUID() }],
  });
}

function rejectsWith(code: status, reason: string, domain?: string) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof RewardsError, `a RewardsError, got ${String(error)}`);
    assert.equal(error.codeName, status[code]);
    assert.equal(error.reason, reason);
    if (domain !== undefined) assert.equal(error.domain, domain);
    return true;
  };
}

describe("RewardsClient against the real server", { skip, timeout: 300_000 }, () => {
  let server: ServerProcess | undefined;
  let client: RewardsClient;

  before(async () => {
    if (missing) throw new Error(`rewards-core server binary not found at ${serverBinary()}, and CI=true needs the end-to-end tests`);
    server = new ServerProcess();
    await server.start();
    const creds = await server.createCredentials("ts-e2e");
    client = RewardsClient.connect(server.target, creds, { timeoutMs: 30_000, backoffBaseMs: 10 });
  });

  after(async () => {
    client?.close();
    if (server) {
      const code = await server.stop();
      assert.equal(code, 0, `server exit code after SIGTERM:\n${server.tail()}`);
    }
  });

  it("issues an access token with the client credentials", async () => {
    const token = await client.tokens.accessToken();
    assert.ok(token.length > 0);
    assert.ok(client.tokens.refreshToken);
    assert.deepEqual(client.tokens.renewals, { issued: 1, refreshed: 0 });
  });

  it("creates an account (signed, request_id filled) and reads it back", async () => {
    const request = newAccount();
    const { account } = await client.call(client.accounts.createAccount, request);
    assert.ok(request.requestId, "call() filled the request_id");
    assert.ok(account?.accountId);
    assert.equal(account.status, accounts.AccountStatus.ACCOUNT_STATUS_ACTIVE);

    const read = await client.call(client.accounts.getAccount, accounts.GetAccountRequest.create({ accountId: account.accountId }));
    assert.deepEqual(read.account, account);
  });

  /** An ACTIVE offer giving 5 EUR off, with `rules`, and a COMMON code series for it. */
  async function offerWithCode(rules: Partial<rewards.coupons.v1.OfferRules> = {}): Promise<{ offerId: string; code: string }> {
    const { offer } = await client.call(
      client.offers.createOffer,
      coupons.CreateOfferRequest.create({
        offer: {
          programId: "ts-client",
          displayName: "5 EUR off",
          state: coupons.OfferState.OFFER_STATE_ACTIVE,
          reward: { kind: coupons.RewardKind.REWARD_KIND_DISCOUNT_AMOUNT, discountAmount: eur("500") },
          rules: coupons.OfferRules.create(rules),
        },
      }),
    );
    assert.ok(offer?.offerId);
    assert.equal(offer.state, coupons.OfferState.OFFER_STATE_ACTIVE);
    const code = "TS" + randomBytes(5).toString("hex").toUpperCase();
    const { codeSeries } = await client.call(
      client.offers.createCodeSeries,
      coupons.CreateCodeSeriesRequest.create({
        codeSeries: { offerId: offer.offerId, type: coupons.CodeSeriesType.CODE_SERIES_TYPE_COMMON, commonCode: code },
      }),
    );
    assert.equal(codeSeries?.commonCode, code);
    return { offerId: offer.offerId, code };
  }

  async function redeemedCount(offerId: string): Promise<string | undefined> {
    const { offer } = await client.call(client.offers.getOffer, coupons.GetOfferRequest.create({ offerId }));
    return offer?.redeemedCount;
  }

  it("redeems a common code once: a lost reply is retried with the same request_id and replayed", async () => {
    // No redemption limit: only the request_id keeps a retry from redeeming twice.
    const { offerId, code } = await offerWithCode();
    const { account } = await client.call(client.accounts.createAccount, newAccount());
    const redeem = coupons.RedeemCouponRequest.create({ code, accountId: account!.accountId, storeId: "store-1", billAmount: eur("2000") });

    // The first reply is lost after the server committed: call() retries with the same request_id.
    const attempts: string[] = [];
    const lossy: UnaryMethod<rewards.coupons.v1.RedeemCouponRequest, rewards.coupons.v1.RedeemCouponResponse> = (request, metadata, options, callback) => {
      attempts.push(request.requestId);
      return client.coupons.redeemCoupon(request, metadata, options, (error, response) => {
        if (attempts.length === 1 && !error) {
          const lost: ServiceError = Object.assign(new Error("14 UNAVAILABLE: reply lost"), {
            code: status.UNAVAILABLE,
            details: "reply lost",
            metadata: new Metadata(),
          });
          callback(lost, response);
        } else {
          callback(error, response);
        }
      });
    };
    const first = await client.call(lossy, redeem);
    assert.equal(attempts.length, 2);
    assert.ok(attempts[0] && attempts[0] === attempts[1] && attempts[0] === redeem.requestId);
    assert.ok(first.redemptionId);
    assert.deepEqual(first.reward?.discountAmount, eur("500"));
    assert.equal(first.coupon?.offerId, offerId);

    const replay = await client.call(client.coupons.redeemCoupon, redeem);
    assert.deepEqual(replay, first);
    assert.equal(await redeemedCount(offerId), "1", "three sends of one redemption count once");

    // A new request_id is a new redemption, and the count does move.
    const again = coupons.RedeemCouponRequest.create({ ...redeem, requestId: "" });
    const second = await client.call(client.coupons.redeemCoupon, again);
    assert.ok(again.requestId && again.requestId !== redeem.requestId);
    assert.notEqual(second.redemptionId, first.redemptionId);
    assert.equal(await redeemedCount(offerId), "2");
  });

  it("answers a second redemption over the offer's limit with REDEMPTION_LIMIT_REACHED", async () => {
    const { code } = await offerWithCode({ maxRedemptionCount: "1" });
    const { account } = await client.call(client.accounts.createAccount, newAccount());
    const redeem = () => coupons.RedeemCouponRequest.create({ code, accountId: account!.accountId, storeId: "store-1", billAmount: eur("2000") });
    await client.call(client.coupons.redeemCoupon, redeem());
    await assert.rejects(
      client.call(client.coupons.redeemCoupon, redeem()),
      rejectsWith(status.FAILED_PRECONDITION, "REDEMPTION_LIMIT_REACHED", "rewards.coupons"),
    );
  });

  it("issues a coupon to an account, which redeems it once", async () => {
    const { offerId } = await offerWithCode({ maxAccountIssueCount: 1 });
    const { account } = await client.call(client.accounts.createAccount, newAccount());
    const accountId = account!.accountId;
    const { coupon } = await client.call(client.coupons.issueCoupon, coupons.IssueCouponRequest.create({ offerId, accountId }));
    assert.ok(coupon?.code && coupon.couponId);
    assert.equal(coupon.offerId, offerId);
    assert.equal(coupon.state, coupons.CouponState.COUPON_STATE_ACTIVE); // no activation required
    await assert.rejects(
      client.call(client.coupons.issueCoupon, coupons.IssueCouponRequest.create({ offerId, accountId })),
      rejectsWith(status.FAILED_PRECONDITION, "ISSUE_LIMIT_PER_CUSTOMER_REACHED"),
    );

    const redeem = () => coupons.RedeemCouponRequest.create({ code: coupon.code, accountId, storeId: "store-1", billAmount: eur("2000") });
    const redeemed = await client.call(client.coupons.redeemCoupon, redeem());
    assert.deepEqual(redeemed.reward?.discountAmount, eur("500"));
    await assert.rejects(client.call(client.coupons.redeemCoupon, redeem()), (error: unknown) => {
      assert.ok(error instanceof RewardsError);
      assert.equal(error.reason, "COUPON_ALREADY_REDEEMED");
      return true;
    });
    const read = await client.call(client.coupons.getCoupon, coupons.GetCouponRequest.create({ code: coupon.code, accountId }));
    assert.equal(read.coupon?.couponId, coupon.couponId);
    assert.equal(read.coupon?.state, coupons.CouponState.COUPON_STATE_REDEEMED);
    assert.equal(read.coupon?.redemptionCount, 1);
  });

  it("is refused with SIGNATURE_INVALID when signed with the wrong key (valid token)", async () => {
    assert.ok(client.tokens.cachedAccessToken(), "the token is valid");
    const forged = new accounts.AccountServiceClient(client.target, grpcCredentials.createInsecure(), {
      channelOverride: client.channel,
      interceptors: [signingInterceptor("cs_not-the-client-secret", client.tokens)],
    });
    const request = newAccount();
    request.requestId = randomUUID();
    await assert.rejects(
      unary((r, m, o, c) => forged.createAccount(r, m, o, c), request, undefined, 30_000),
      rejectsWith(status.UNAUTHENTICATED, "SIGNATURE_INVALID"),
    );
    // The same request, correctly signed, goes through.
    const { account } = await client.call(client.accounts.createAccount, request);
    assert.ok(account?.accountId);
  });

  it("reads the error reason back: an unknown account is NOT_FOUND / ACCOUNT_NOT_FOUND", async () => {
    await assert.rejects(client.call(client.accounts.getAccount, accounts.GetAccountRequest.create({ accountId: randomUUID() })), (error: unknown) => {
      rejectsWith(status.NOT_FOUND, "ACCOUNT_NOT_FOUND", "rewards.accounts")(error);
      assert.ok((error as RewardsError).requestId, "x-request-id trailer");
      assert.equal((error as RewardsError).retryable, false);
      return true;
    });
  });

  it("refreshes the token ahead of expiry, once for concurrent calls, rotating the refresh token", async () => {
    await client.tokens.accessToken();
    const firstAccess = client.tokens.cachedAccessToken();
    const firstRefresh = client.tokens.refreshToken;
    const before = { ...client.tokens.renewals };
    client.tokens.refreshMarginMs = 15 * 60_000 + 10_000; // The 15-minute access token now counts as expiring.
    try {
      const replies = await Promise.all([1, 2, 3].map(() => client.call(client.accounts.createAccount, newAccount())));
      assert.ok(replies.every((reply) => reply.account?.accountId));
    } finally {
      client.tokens.refreshMarginMs = REFRESH_MARGIN_MS;
    }
    assert.deepEqual(client.tokens.renewals, { issued: before.issued, refreshed: before.refreshed + 1 });
    assert.ok(client.tokens.refreshToken && client.tokens.refreshToken !== firstRefresh, "RefreshToken rotated the refresh token");
    const renewed = client.tokens.cachedAccessToken();
    assert.ok(renewed && renewed !== firstAccess);
    const { account } = await client.call(client.accounts.createAccount, newAccount());
    assert.ok(account?.accountId, "a call with the refreshed token succeeds");
  });
});
