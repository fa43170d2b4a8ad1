// The README's "First coupon" walkthrough with the TypeScript client: a program, an account, an
// offer (5 EUR off a bill of 20 EUR or more, at most 1,000 redemptions) with a series of 100
// generated codes, a coupon issued to the account, validated and redeemed at the till, a second
// redemption refused, and the redemption reversed. Scopes: loyalty:admin, accounts:write,
// coupons:admin, coupons:redeem, coupons:read. Against a live server (`make run`):
//
//   npm run build && REWARDS_CREDENTIALS_FILE=../../client.json node dist/test/examples/first-coupon.js
//
// (env.ts: the target and credentials.) src/test/e2e.test.ts runs firstCoupon against a real
// server and checks each line it prints. In your project, import from "@rewards-core/client".
import { randomBytes } from "node:crypto";
import { RewardsClient, RewardsError, rewards } from "../../index";
import { credentialsFromEnv, targetFromEnv } from "./env";

const { accounts, coupons, loyalty } = rewards;
const eur = (amountMinor: string) => ({ amountMinor, currencyCode: "EUR" }); // int64 fields are decimal strings
/** Makes the ids of one run unique, so the walkthrough can run again on the same server. */
const suffix = () => randomBytes(4).toString("hex");

export async function firstCoupon(client: RewardsClient, print: (line: string) => void = console.log): Promise<void> {
  // A program (accounts and offers belong to one) and a customer's account.
  const programId = `demo-${suffix()}`;
  await client.call(
    client.programs.createProgram,
    loyalty.v1.CreateProgramRequest.create({
      program: { programId, displayName: "Demo", currencyCode: "EUR", timeZone: "Europe/Berlin" },
    }),
  );
  const { account } = await client.call(
    client.accounts.createAccount,
    accounts.v1.CreateAccountRequest.create({
      programId,
      identifiers: [{ type: accounts.v1.IdentifierType.IDENTIFIER_TYPE_CARDCODE, value: `CARD-${suffix()}` }],
    }),
  );
  const accountId = account!.accountId;

  // An offer: 5 EUR off a bill of 20 EUR or more, at most 1,000 redemptions, with 100 generated codes.
  const { offer } = await client.call(
    client.offers.createOffer,
    coupons.v1.CreateOfferRequest.create({
      offer: {
        programId,
        displayName: "5 EUR off",
        state: coupons.v1.OfferState.OFFER_STATE_ACTIVE,
        reward: { kind: coupons.v1.RewardKind.REWARD_KIND_DISCOUNT_AMOUNT, discountAmount: eur("500") },
        rules: coupons.v1.OfferRules.create({ maxRedemptionCount: "1000", minBillAmount: eur("2000") }),
      },
    }),
  );
  const offerId = offer!.offerId;
  const { codeSeries } = await client.call(
    client.offers.createCodeSeries,
    coupons.v1.CreateCodeSeriesRequest.create({
      codeSeries: { offerId, type: coupons.v1.CodeSeriesType.CODE_SERIES_TYPE_UNIQUE_GENERATED, length: 10 },
    }),
  );
  // GenerateCodes streams its progress; the last message has the total.
  let total = "0";
  for await (const progress of client.serverStream(
    client.offers.generateCodes,
    coupons.v1.GenerateCodesRequest.create({ codeSeriesId: codeSeries!.codeSeriesId, count: "100" }),
  )) {
    total = progress.totalCount;
  }
  print(`generated ${total} codes`);

  // Issue a coupon to the account, check it at the till, redeem it, and take the redemption back.
  const { coupon } = await client.call(client.coupons.issueCoupon, coupons.v1.IssueCouponRequest.create({ offerId, accountId }));
  print(`issued a coupon: ${coupons.v1.couponStateToJSON(coupon!.state)}`);
  const code = coupon!.code;

  const checked = await client.call(
    client.coupons.validateCoupon,
    coupons.v1.ValidateCouponRequest.create({ code, accountId, storeId: "store-1", billAmount: eur("4990") }),
  );
  let discount = checked.reward?.discountAmount;
  print(`validated: ${checked.redeemable ? "redeemable" : checked.reason}, ${discount?.amountMinor} ${discount?.currencyCode} off`);

  // call() fills requestId; its retries (and yours, with this same request object) redeem once.
  const redeemed = await client.call(
    client.coupons.redeemCoupon,
    coupons.v1.RedeemCouponRequest.create({ code, accountId, storeId: "store-1", billAmount: eur("4990") }),
  );
  discount = redeemed.reward?.discountAmount;
  print(`redeemed: ${discount?.amountMinor} ${discount?.currencyCode} off`);

  try {
    // A new request (a new requestId): the coupon is used up.
    await client.call(
      client.coupons.redeemCoupon,
      coupons.v1.RedeemCouponRequest.create({ code, accountId, storeId: "store-1", billAmount: eur("4990") }),
    );
    print("redeemed again: accepted");
  } catch (error) {
    if (!(error instanceof RewardsError)) throw error;
    print(`redeemed again: ${error.reason}`); // switch on the stable reason
  }

  await client.call(
    client.coupons.reverseRedemption,
    coupons.v1.ReverseRedemptionRequest.create({ redemptionId: redeemed.redemptionId }),
  );
  const { coupon: after } = await client.call(client.coupons.getCoupon, coupons.v1.GetCouponRequest.create({ code, accountId }));
  print(`reversed: coupon ${coupons.v1.couponStateToJSON(after!.state)}, ${after!.redemptionCount} redemptions`);
}

async function main(): Promise<void> {
  const client = RewardsClient.connect(targetFromEnv(), credentialsFromEnv());
  try {
    await firstCoupon(client);
  } finally {
    client.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error); // a RewardsError prints as "REASON: message"
    process.exitCode = 1;
  });
}
