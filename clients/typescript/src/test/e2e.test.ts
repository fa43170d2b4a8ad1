// End to end against the real server: tokens, signed calls, idempotent retries, typed errors.
// Skipped (with a message) only when the server binary is missing and CI is not "true".

import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { credentials as grpcCredentials, Metadata, type ServiceError, status } from "@grpc/grpc-js";
import { REFRESH_MARGIN_MS, RewardsClient, RewardsError, rewards, signingInterceptor, unary, type UnaryMethod } from "../index";
import { firstCoupon } from "./examples/first-coupon";
import { firstPoints } from "./examples/first-points";
import { ServerProcess, serverBinary, serverBinaryPresent } from "./server";

const accounts = rewards.accounts.v1;
const coupons = rewards.coupons.v1;
const loyalty = rewards.loyalty.v1;

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
    await server.createProgram(creds, "ts-client");
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

  /** An ACTIVE offer giving 5 EUR off, with `rules`, without a code series (IssueCoupon generates a code per coupon). */
  async function newOffer(rules: Partial<rewards.coupons.v1.OfferRules> = {}): Promise<string> {
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
    return offer.offerId;
  }

  /** An offer as newOffer makes it, and a COMMON code series for it. */
  async function offerWithCode(rules: Partial<rewards.coupons.v1.OfferRules> = {}): Promise<{ offerId: string; code: string }> {
    const offerId = await newOffer(rules);
    const code = "TS" + randomBytes(5).toString("hex").toUpperCase();
    const { codeSeries } = await client.call(
      client.offers.createCodeSeries,
      coupons.CreateCodeSeriesRequest.create({
        codeSeries: { offerId, type: coupons.CodeSeriesType.CODE_SERIES_TYPE_COMMON, commonCode: code },
      }),
    );
    assert.equal(codeSeries?.commonCode, code);
    return { offerId, code };
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
    // No code series: the coupon gets a code of its own (a COMMON code is everyone's, and redeems again).
    const offerId = await newOffer({ maxAccountIssueCount: 1 });
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

  it("bulk-issues over a request stream signed over an empty body, with a reason per row", async () => {
    const offerId = await newOffer();
    const holder = (await client.call(client.accounts.createAccount, newAccount())).account?.accountId ?? "";
    const batch = coupons.BulkIssueCouponsRequest.create({
      offerId,
      rows: [{ customer: { $case: "accountId", value: holder } }, { customer: { $case: "accountId", value: "not-a-uuid" } }],
    });
    const replies: rewards.coupons.v1.BulkIssueCouponsResponse[] = [];
    for await (const reply of client.exchange(client.coupons.bulkIssueCoupons, [batch])) replies.push(reply);

    assert.ok(batch.requestId, "exchange() filled the request_id");
    assert.equal(replies.length, 1);
    const [reply] = replies;
    assert.equal(reply!.requestId, batch.requestId);
    assert.deepEqual([reply!.issuedCount, reply!.failedCount], [1, 1]);
    assert.deepEqual(reply!.rows.map((row) => row.reason), ["", "INVALID_ACCOUNT_ID"]);
    assert.ok(reply!.rows[0]!.coupon?.code);
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

  describe("points", () => {
    /** A EUR program whose one RATIO rule gives a point per full euro of a purchase (floored). */
    async function newProgram(): Promise<string> {
      const programId = "ts-p-" + randomBytes(4).toString("hex");
      await client.call(
        client.programs.createProgram,
        loyalty.CreateProgramRequest.create({
          program: { programId, displayName: "Points", currencyCode: "EUR", timeZone: "Europe/Berlin" },
        }),
      );
      const { earnRule } = await client.call(
        client.programs.createEarnRule,
        loyalty.CreateEarnRuleRequest.create({
          earnRule: {
            programId,
            displayName: "1 point per EUR",
            config: { $case: "ratio", value: { pointsNumerator: "1", amountMinorDenominator: "100" } },
          },
        }),
      );
      assert.ok(earnRule?.earnRuleId);
      return programId;
    }

    /** An account of the program, named by a card code. */
    async function newPointsAccount(programId: string): Promise<string> {
      const { account } = await client.call(
        client.accounts.createAccount,
        accounts.CreateAccountRequest.create({
          programId,
          identifiers: [{ type: accounts.IdentifierType.IDENTIFIER_TYPE_CARDCODE, value: "C" + randomBytes(6).toString("hex").toUpperCase() }],
        }),
      );
      assert.ok(account?.accountId);
      return account.accountId;
    }

    function earnRequest(accountId: string, billMinor: string): rewards.loyalty.v1.EarnPointsRequest {
      return loyalty.EarnPointsRequest.create({ accountId, storeId: "store-1", transactionId: "receipt-" + randomUUID(), billAmount: eur(billMinor) });
    }

    async function balance(accountId: string): Promise<rewards.loyalty.v1.Balance | undefined> {
      return (await client.call(client.loyalty.getBalance, loyalty.GetBalanceRequest.create({ accountId }))).balance;
    }

    /** Requests an OTP for `points`; returns its id and the code the member received. */
    async function otp(accountId: string, points: string): Promise<{ otpId: string; code: string }> {
      const { otpId, expireTime } = await client.call(
        client.loyalty.requestRedemptionOtp,
        loyalty.RequestRedemptionOtpRequest.create({ accountId, points }),
      );
      assert.ok(otpId && expireTime);
      return { otpId, code: server!.otpCode(otpId) };
    }

    function redeem(accountId: string, points: string, otpId: string, otpCode: string): rewards.loyalty.v1.RedeemPointsRequest {
      return loyalty.RedeemPointsRequest.create({ accountId, points, otpId, otpCode, storeId: "store-1" });
    }

    it("earns a point per full euro of a purchase and reads the balance", async () => {
      const accountId = await newPointsAccount(await newProgram());

      const earned = await client.call(client.loyalty.earnPoints, earnRequest(accountId, "12399"));

      assert.equal(earned.transaction?.type, loyalty.PointsTransactionType.POINTS_TRANSACTION_TYPE_EARN);
      assert.equal(earned.transaction?.points, "123");
      assert.equal(earned.transaction?.regularPoints, "123");
      assert.equal(earned.balance?.availablePoints, "123");
      const read = await balance(accountId);
      assert.equal(read?.accountId, accountId);
      assert.equal(read?.availablePoints, "123");
      assert.equal(read?.postedPoints, "123");
    });

    it("redeems points with the OTP sent to the member, once", async () => {
      const accountId = await newPointsAccount(await newProgram());
      await client.call(client.loyalty.earnPoints, earnRequest(accountId, "100000")); // 1,000 points
      const { otpId, code } = await otp(accountId, "300");

      const redeemed = await client.call(client.loyalty.redeemPoints, redeem(accountId, "300", otpId, code));

      assert.equal(redeemed.transaction?.type, loyalty.PointsTransactionType.POINTS_TRANSACTION_TYPE_REDEEM);
      assert.equal(redeemed.transaction?.points, "-300");
      assert.equal(redeemed.balance?.availablePoints, "700");
      assert.equal((await balance(accountId))?.postedPoints, "700");
      await assert.rejects(
        client.call(client.loyalty.redeemPoints, redeem(accountId, "300", otpId, code)),
        rejectsWith(status.FAILED_PRECONDITION, "OTP_ALREADY_USED", "rewards.loyalty"),
      );
    });

    it("refuses a wrong OTP code with OTP_INVALID and the tries left; the right code still works", async () => {
      const accountId = await newPointsAccount(await newProgram());
      await client.call(client.loyalty.earnPoints, earnRequest(accountId, "10000")); // 100 points
      const { otpId, code } = await otp(accountId, "40");
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");

      await assert.rejects(client.call(client.loyalty.redeemPoints, redeem(accountId, "40", otpId, wrong)), (error: unknown) => {
        rejectsWith(status.FAILED_PRECONDITION, "OTP_INVALID", "rewards.loyalty")(error);
        assert.equal((error as RewardsError).metadata.tries_left, "4");
        assert.equal((error as RewardsError).retryable, false);
        return true;
      });
      assert.equal((await balance(accountId))?.postedPoints, "100");
      const redeemed = await client.call(client.loyalty.redeemPoints, redeem(accountId, "40", otpId, code));
      assert.equal(redeemed.balance?.availablePoints, "60");
    });

    it("streams earn codes with serverStream (signed, request_id filled, replayed by it); a code earns once", async () => {
      const programId = await newProgram();
      const accountId = await newPointsAccount(programId);
      const expireTime = { seconds: String(Math.floor(Date.now() / 1000) + 86_400), nanos: 0 };
      const request = loyalty.CreateEarnCodesRequest.create({ programId, points: "25", count: "3", expireTime });
      const earnCodes = async (): Promise<string[]> => {
        const codes: string[] = [];
        for await (const batch of client.serverStream(client.programs.createEarnCodes, request)) {
          codes.push(...batch.codes);
          assert.equal(batch.createdCount, String(codes.length));
          assert.equal(batch.totalCount, "3");
        }
        return codes;
      };

      const codes = await earnCodes();
      assert.ok(request.requestId, "serverStream() filled the request_id");
      assert.equal(codes.length, 3);
      assert.deepEqual(await earnCodes(), codes, "the same request_id streams the same codes");

      const earned = await client.call(client.loyalty.earnByCode, loyalty.EarnByCodeRequest.create({ accountId, code: codes[0]!.toLowerCase() }));
      assert.equal(earned.transaction?.points, "25");
      await assert.rejects(
        client.call(client.loyalty.earnByCode, loyalty.EarnByCodeRequest.create({ accountId, code: codes[0]! })),
        rejectsWith(status.FAILED_PRECONDITION, "EARN_CODE_ALREADY_USED", "rewards.loyalty"),
      );
      assert.equal((await balance(accountId))?.postedPoints, "25");
      const unknownProgram = loyalty.CreateEarnCodesRequest.create({ programId: "no-such-program", points: "1", count: "1", expireTime });
      await assert.rejects(async () => {
        for await (const _ of client.serverStream(client.programs.createEarnCodes, unknownProgram)) assert.fail("no batch expected");
      }, rejectsWith(status.NOT_FOUND, "PROGRAM_NOT_FOUND", "rewards.loyalty"));
    });

    it("earns once when EarnPoints is retried with the same request_id after a lost reply", async () => {
      const accountId = await newPointsAccount(await newProgram());
      const request = earnRequest(accountId, "5000"); // call() fills the request_id

      // The first reply is lost after the server committed: call() retries with the same request_id.
      const attempts: string[] = [];
      const lossy: UnaryMethod<rewards.loyalty.v1.EarnPointsRequest, rewards.loyalty.v1.EarnPointsResponse> = (req, metadata, options, callback) => {
        attempts.push(req.requestId);
        return client.loyalty.earnPoints(req, metadata, options, (error, response) => {
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
      const first = await client.call(lossy, request);
      assert.equal(attempts.length, 2);
      assert.ok(attempts[0] && attempts[0] === attempts[1] && attempts[0] === request.requestId);
      assert.equal(first.transaction?.points, "50");

      const replay = await client.call(client.loyalty.earnPoints, request);
      assert.deepEqual(replay, first);
      assert.equal((await balance(accountId))?.postedPoints, "50", "three sends of one earn earn once");

      // A new request_id for the same receipt is a second earn of one purchase: refused.
      await assert.rejects(
        client.call(client.loyalty.earnPoints, loyalty.EarnPointsRequest.create({ ...request, requestId: "" })),
        rejectsWith(status.ALREADY_EXISTS, "PURCHASE_ALREADY_EARNED", "rewards.loyalty"),
      );
    });

    it("authorizes a basket (coupon held), voids it (use given back), then authorizes and captures another", async () => {
      const checkout = rewards.checkout.v1;
      const programId = await newProgram();
      const accountId = await newPointsAccount(programId);
      const { offer } = await client.call(
        client.offers.createOffer,
        coupons.CreateOfferRequest.create({
          offer: {
            programId,
            displayName: "5 EUR off",
            state: coupons.OfferState.OFFER_STATE_ACTIVE,
            reward: { kind: coupons.RewardKind.REWARD_KIND_DISCOUNT_AMOUNT, discountAmount: eur("500") },
            rules: coupons.OfferRules.create({ maxRedemptionCount: "1" }),
          },
        }),
      );
      const code = "TSB" + randomBytes(5).toString("hex").toUpperCase();
      await client.call(
        client.offers.createCodeSeries,
        coupons.CreateCodeSeriesRequest.create({
          codeSeries: { offerId: offer!.offerId, type: coupons.CodeSeriesType.CODE_SERIES_TYPE_COMMON, commonCode: code },
        }),
      );
      const authorize = () =>
        client.call(
          client.checkout.authorizeBasket,
          checkout.AuthorizeBasketRequest.create({
            accountId,
            storeId: "store-1",
            transactionId: "tx-" + randomUUID(),
            lines: [{ sku: "SKU-1", itemCount: 1, lineAmount: eur("2000") }],
            totalAmount: eur("2000"),
            couponCodes: [code],
            earnPoints: true,
          }),
        );

      // 20 EUR - 5 EUR = 15 EUR to pay, 15 points to earn; the offer's one use is held.
      const { basket: held } = await authorize();
      assert.equal(held?.state, checkout.BasketState.BASKET_STATE_AUTHORIZED);
      assert.equal(held?.payableAmount?.amountMinor, "1500");
      assert.equal(held?.earnedPoints, "15");
      assert.ok(held?.couponResults[0]?.applied);
      await assert.rejects(authorize(), rejectsWith(status.FAILED_PRECONDITION, "REDEMPTION_LIMIT_REACHED"));

      const { basket: voided } = await client.call(client.checkout.voidBasket, checkout.VoidBasketRequest.create({ basketId: held!.basketId }));
      assert.equal(voided?.state, checkout.BasketState.BASKET_STATE_VOIDED);
      const { basket: again } = await authorize();
      const { basket: captured } = await client.call(client.checkout.captureBasket, checkout.CaptureBasketRequest.create({ basketId: again!.basketId }));
      assert.equal(captured?.state, checkout.BasketState.BASKET_STATE_CAPTURED);
      assert.ok(captured?.earnPointsTransactionId);
      assert.equal((await balance(accountId))?.postedPoints, "15");
      await assert.rejects(
        client.call(client.checkout.voidBasket, checkout.VoidBasketRequest.create({ basketId: again!.basketId })),
        rejectsWith(status.FAILED_PRECONDITION, "BASKET_ALREADY_CAPTURED"),
      );
    });
  });

  describe("README walkthroughs (src/test/examples, run by hand with node dist/test/examples/<name>.js)", () => {
    it("first-coupon prints the outcome of each step: codes, issue, validate, redeem, a refused second redemption, reverse", async () => {
      const lines: string[] = [];
      await firstCoupon(client, (line) => lines.push(line));
      assert.deepEqual(lines, [
        "generated 100 codes",
        "issued a coupon: COUPON_STATE_ACTIVE",
        "validated: redeemable, 500 EUR off",
        "redeemed: 500 EUR off",
        "redeemed again: COUPON_ALREADY_REDEEMED",
        "reversed: coupon COUPON_STATE_ACTIVE, 0 redemptions",
      ]);
    });

    it("first-points prints the outcome of each step: earn, balance, OTP redemption, refund", async () => {
      const lines: string[] = [];
      // The member would read the OTP out; the test server's capture sender wrote it to a file.
      await firstPoints(client, async (otpId) => server!.otpCode(otpId), (line) => lines.push(line));
      assert.deepEqual(lines, [
        "earned 120 points",
        "balance: 120 points available",
        "redeemed 50 points: 70 left",
        "refunded 20 points: 50 left",
        "balance: 50 points available",
      ]);
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
      await client.tokens.renewal(); // The still valid token served the calls; the refresh ran beside them.
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
