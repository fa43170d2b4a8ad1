// The README's "First points" walkthrough with the TypeScript client: a program whose purchase
// rule gives a point per full euro, an account, a purchase of 120 EUR, the balance, a redemption
// of 50 points proved by the one-time password sent to the member, and a refund of 20 of the
// points earned. Scopes: loyalty:admin, accounts:write, loyalty:earn, loyalty:read,
// loyalty:redeem. Against a live server (`make run`; it writes each OTP to its log: "redemption
// OTP <otp_id> for account ...: <6 digits>", type the digits when asked):
//
//   npm run build && REWARDS_CREDENTIALS_FILE=../../client.json node dist/test/examples/first-points.js
//
// src/test/e2e.test.ts runs firstPoints against a real server, with the OTP the server's capture
// sender wrote, and checks each line it prints.
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline/promises";
import { RewardsClient, RewardsError, rewards } from "../../index";
import { credentialsFromEnv, targetFromEnv } from "./env";

const { accounts, loyalty } = rewards;
const suffix = () => randomBytes(4).toString("hex");

/** The 6 digits the member received for the redemption OTP `otpId`. */
export type ReadOtp = (otpId: string) => Promise<string>;

export async function firstPoints(client: RewardsClient, readOtp: ReadOtp, print: (line: string) => void = console.log): Promise<void> {
  // A program with one purchase rule: a point per full euro (100 minor units, floored).
  const programId = `demo-${suffix()}`;
  await client.call(
    client.programs.createProgram,
    loyalty.v1.CreateProgramRequest.create({
      program: { programId, displayName: "Demo", currencyCode: "EUR", timeZone: "Europe/Berlin" },
    }),
  );
  await client.call(
    client.programs.createEarnRule,
    loyalty.v1.CreateEarnRuleRequest.create({
      earnRule: {
        programId,
        displayName: "1 point per EUR",
        config: { $case: "ratio", value: { pointsNumerator: "1", amountMinorDenominator: "100" } }, // int64: decimal strings
      },
    }),
  );
  const { account } = await client.call(
    client.accounts.createAccount,
    accounts.v1.CreateAccountRequest.create({
      programId,
      identifiers: [{ type: accounts.v1.IdentifierType.IDENTIFIER_TYPE_CARDCODE, value: `CARD-${suffix()}` }],
    }),
  );
  const member = account!.accountId;

  // A purchase of 120 EUR earns 120 points; the balance shows them. The receipt's transactionId
  // makes a second earn for it PURCHASE_ALREADY_EARNED.
  const earned = await client.call(
    client.loyalty.earnPoints,
    loyalty.v1.EarnPointsRequest.create({
      accountId: member,
      storeId: "store-1",
      transactionId: `receipt-${suffix()}`,
      billAmount: { amountMinor: "12000", currencyCode: "EUR" },
    }),
  );
  print(`earned ${earned.transaction?.points} points`);
  await printBalance(client, member, print);

  // Burning points needs a one-time password sent to the customer.
  const { otpId } = await client.call(
    client.loyalty.requestRedemptionOtp,
    loyalty.v1.RequestRedemptionOtpRequest.create({ accountId: member, points: "50" }),
  );
  let redeemed: rewards.loyalty.v1.RedeemPointsResponse;
  try {
    redeemed = await client.call(
      client.loyalty.redeemPoints,
      loyalty.v1.RedeemPointsRequest.create({ accountId: member, points: "50", otpId, otpCode: await readOtp(otpId), storeId: "store-1" }),
    );
  } catch (error) {
    if (error instanceof RewardsError && error.reason === "OTP_INVALID") {
      print(`wrong code, ${error.metadata.tries_left} tries left`); // ask again, with the same otpId
      return;
    }
    throw error; // OTP_LOCKED (too many wrong codes), OTP_NOT_FOUND (expired): request a new one
  }
  print(`redeemed 50 points: ${redeemed.balance?.availablePoints} left`);

  // The order is cancelled: refund 20 of the 120 points earned.
  const refunded = await client.call(
    client.loyalty.refundPoints,
    loyalty.v1.RefundPointsRequest.create({ pointsTransactionId: earned.transaction!.pointsTransactionId, points: "20" }),
  );
  print(`refunded 20 points: ${refunded.balance?.availablePoints} left`);
  await printBalance(client, member, print);
}

async function printBalance(client: RewardsClient, accountId: string, print: (line: string) => void): Promise<void> {
  const { balance } = await client.call(client.loyalty.getBalance, loyalty.v1.GetBalanceRequest.create({ accountId }));
  print(`balance: ${balance?.availablePoints} points available`);
}

async function main(): Promise<void> {
  const client = RewardsClient.connect(targetFromEnv(), credentialsFromEnv());
  const prompt = createInterface({ input: process.stdin });
  try {
    await firstPoints(client, async (otpId) => {
      console.error(`OTP ${otpId} was sent to the member: type its 6 digits`);
      return (await prompt.question("")).trim();
    });
  } finally {
    prompt.close();
    client.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
