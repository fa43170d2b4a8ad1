// The README's points example, compiled by `npm test` (tsc) and run by hand only; in the README it
// imports from "@rewards-core/client" instead of "../../index".
import { createInterface } from "node:readline/promises";
import { RewardsClient, RewardsError, rewards } from "../../index";

const { accounts, loyalty } = rewards;

/** Creates the program and its purchase rule, one point per full euro; an existing program is kept. */
async function setUpProgram(client: RewardsClient, programId: string): Promise<void> {
  try {
    await client.call(
      client.programs.createProgram,
      loyalty.v1.CreateProgramRequest.create({
        program: { programId, displayName: "Demo points", currencyCode: "EUR", timeZone: "Europe/Berlin" },
      }),
    );
  } catch (error) {
    if (error instanceof RewardsError && error.reason === "PROGRAM_ALREADY_EXISTS") return; // set up by an earlier run
    throw error;
  }
  await client.call(
    client.programs.createEarnRule,
    loyalty.v1.CreateEarnRuleRequest.create({
      earnRule: {
        programId,
        displayName: "1 point per EUR",
        // int64 fields are decimal strings.
        config: { $case: "ratio", value: { pointsNumerator: "1", amountMinorDenominator: "100" } },
      },
    }),
  );
}

/** Redeems points with the one-time password the server sends to the member (SMS or e-mail). */
async function redeemWithOtp(client: RewardsClient, accountId: string, points: string): Promise<void> {
  const { otpId } = await client.call(
    client.loyalty.requestRedemptionOtp,
    loyalty.v1.RequestRedemptionOtpRequest.create({ accountId, points }),
  );
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const otpCode = (await prompt.question("the 6-digit code the member received: ")).trim();
  prompt.close();
  try {
    const redeemed = await client.call(
      client.loyalty.redeemPoints,
      loyalty.v1.RedeemPointsRequest.create({ accountId, points, otpId, otpCode, storeId: "store-1" }),
    );
    console.log(`redeemed ${points} points, ${redeemed.balance?.availablePoints} left`);
  } catch (error) {
    if (!(error instanceof RewardsError)) throw error;
    switch (error.reason) {
      case "OTP_INVALID":
        console.log(`wrong code, ${error.metadata.tries_left} tries left: ask again, with the same otpId`);
        break;
      case "OTP_LOCKED": // too many wrong codes
      case "OTP_NOT_FOUND": // or expired
        console.log("request a new OTP:", error.reason);
        break;
      default:
        throw error;
    }
  }
}

async function main(): Promise<void> {
  // Scopes: loyalty:admin (programs), accounts:write, loyalty:earn, loyalty:read, loyalty:redeem.
  const client = RewardsClient.connect("localhost:50051", {
    orgId: process.env.REWARDS_ORG_ID!,
    clientId: process.env.REWARDS_CLIENT_ID!,
    clientSecret: process.env.REWARDS_CLIENT_SECRET!,
  });
  try {
    await setUpProgram(client, "demo-points");
    const { account } = await client.call(
      client.accounts.createAccount,
      accounts.v1.CreateAccountRequest.create({ programId: "demo-points" }),
    );
    const accountId = account!.accountId;

    // A purchase of 123.99 EUR earns 123 points. call() fills requestId; its retries (and yours,
    // with the same request object) earn once.
    const earned = await client.call(
      client.loyalty.earnPoints,
      loyalty.v1.EarnPointsRequest.create({
        accountId,
        storeId: "store-1",
        transactionId: "pos-7-000123",
        billAmount: { amountMinor: "12399", currencyCode: "EUR" },
      }),
    );
    console.log(`earned ${earned.transaction?.points} points`);

    const { balance } = await client.call(client.loyalty.getBalance, loyalty.v1.GetBalanceRequest.create({ accountId }));
    console.log(`${balance?.availablePoints} points available`);

    await redeemWithOtp(client, accountId, "100");
  } finally {
    client.close();
  }
}

main().catch((error) => {
  console.error(error); // a RewardsError prints as "REASON: message"
  process.exitCode = 1;
});
