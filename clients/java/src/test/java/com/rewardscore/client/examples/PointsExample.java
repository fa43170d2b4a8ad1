// The README's points example, compiled by `mvn test` and run by hand only (it is not a test);
// in the README it has no package line.
package com.rewardscore.client.examples;

import com.rewardscore.client.Credentials;
import com.rewardscore.client.RewardsClient;
import com.rewardscore.client.RewardsException;
import com.rewardscore.rewards.accounts.v1.AccountServiceGrpc.AccountServiceBlockingStub;
import com.rewardscore.rewards.accounts.v1.CreateAccountRequest;
import com.rewardscore.rewards.loyalty.v1.CreateEarnRuleRequest;
import com.rewardscore.rewards.loyalty.v1.CreateProgramRequest;
import com.rewardscore.rewards.loyalty.v1.EarnPointsRequest;
import com.rewardscore.rewards.loyalty.v1.EarnPointsResponse;
import com.rewardscore.rewards.loyalty.v1.EarnRule;
import com.rewardscore.rewards.loyalty.v1.GetBalanceRequest;
import com.rewardscore.rewards.loyalty.v1.LoyaltyServiceGrpc.LoyaltyServiceBlockingStub;
import com.rewardscore.rewards.loyalty.v1.Program;
import com.rewardscore.rewards.loyalty.v1.ProgramServiceGrpc.ProgramServiceBlockingStub;
import com.rewardscore.rewards.loyalty.v1.RatioEarnRule;
import com.rewardscore.rewards.loyalty.v1.RedeemPointsRequest;
import com.rewardscore.rewards.loyalty.v1.RedeemPointsResponse;
import com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpRequest;
import com.rewardscore.rewards.type.v1.Money;
import java.util.Scanner;

public class PointsExample {
    public static void main(String[] args) {
        // Scopes: loyalty:admin (programs), accounts:write, loyalty:earn, loyalty:read, loyalty:redeem.
        Credentials credentials = new Credentials("acme", System.getenv("REWARDS_CLIENT_ID"), System.getenv("REWARDS_CLIENT_SECRET"));
        try (RewardsClient client = RewardsClient.connect("localhost:50051", credentials)) {
            setUpProgram(client, "demo-points");
            String accountId = client.call(client.accounts(), AccountServiceBlockingStub::createAccount,
                    CreateAccountRequest.newBuilder().setProgramId("demo-points").build()).getAccount().getAccountId();

            // A purchase of 123.99 EUR earns 123 points. withRequestId gives it its request_id:
            // call()'s retries, and yours with this same request, earn once.
            EarnPointsRequest purchase = RewardsClient.withRequestId(EarnPointsRequest.newBuilder()
                    .setAccountId(accountId).setStoreId("store-1").setTransactionId("pos-7-000123")
                    .setBillAmount(Money.newBuilder().setAmountMinor(12_399).setCurrencyCode("EUR"))
                    .build());
            EarnPointsResponse earned = client.call(client.loyalty(), LoyaltyServiceBlockingStub::earnPoints, purchase);
            System.out.println("earned " + earned.getTransaction().getPoints() + " points");

            long available = client.call(client.loyalty(), LoyaltyServiceBlockingStub::getBalance,
                    GetBalanceRequest.newBuilder().setAccountId(accountId).build()).getBalance().getAvailablePoints();
            System.out.println(available + " points available");

            redeemWithOtp(client, accountId, 100);
        }
    }

    /** Creates the program and its purchase rule, one point per full euro; an existing program is kept. */
    static void setUpProgram(RewardsClient client, String programId) {
        try {
            client.call(client.programs(), ProgramServiceBlockingStub::createProgram, CreateProgramRequest.newBuilder()
                    .setProgram(Program.newBuilder().setProgramId(programId).setDisplayName("Demo points")
                            .setCurrencyCode("EUR").setTimeZone("Europe/Berlin"))
                    .build());
        } catch (RewardsException e) {
            if ("PROGRAM_ALREADY_EXISTS".equals(e.reason())) {
                return; // set up by an earlier run
            }
            throw e;
        }
        client.call(client.programs(), ProgramServiceBlockingStub::createEarnRule, CreateEarnRuleRequest.newBuilder()
                .setEarnRule(EarnRule.newBuilder().setProgramId(programId).setDisplayName("1 point per EUR")
                        .setRatio(RatioEarnRule.newBuilder().setPointsNumerator(1).setAmountMinorDenominator(100)))
                .build());
    }

    /** Redeems points with the one-time password the server sends to the member (SMS or e-mail). */
    static void redeemWithOtp(RewardsClient client, String accountId, long points) {
        String otpId = client.call(client.loyalty(), LoyaltyServiceBlockingStub::requestRedemptionOtp,
                RequestRedemptionOtpRequest.newBuilder().setAccountId(accountId).setPoints(points).build()).getOtpId();
        System.out.print("the 6-digit code the member received: ");
        String code = new Scanner(System.in).nextLine().trim();
        try {
            RedeemPointsResponse redeemed = client.call(client.loyalty(), LoyaltyServiceBlockingStub::redeemPoints,
                    RedeemPointsRequest.newBuilder().setAccountId(accountId).setPoints(points)
                            .setOtpId(otpId).setOtpCode(code).setStoreId("store-1").build());
            System.out.println("redeemed " + points + " points, " + redeemed.getBalance().getAvailablePoints() + " left");
        } catch (RewardsException e) {
            switch (e.reason() == null ? "" : e.reason()) {
                case "OTP_INVALID" -> System.out.println("wrong code, " + e.metadata().get("tries_left")
                        + " tries left: ask again, with the same otp id");
                case "OTP_LOCKED", "OTP_NOT_FOUND" -> System.out.println("request a new OTP: " + e.reason()); // locked, or expired
                default -> throw e; // e.code(), e.domain(), e.metadata(), e.requestId() tell more
            }
        }
    }
}
