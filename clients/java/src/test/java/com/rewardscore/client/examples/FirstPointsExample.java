// The README's "First points" walkthrough with the Java client: a program whose purchase rule
// gives a point per full euro, an account, a purchase of 120 EUR, the balance, a redemption of
// 50 points proved by the one-time password sent to the member, and a refund of 20 of the points
// earned. Scopes: loyalty:admin, accounts:write, loyalty:earn, loyalty:read, loyalty:redeem.
// Against a live server as FirstCouponExample (main class
// com.rewardscore.client.examples.FirstPointsExample); it asks for the OTP on stderr and reads its
// 6 digits from stdin (`make run` writes each OTP to its log: "redemption OTP <otp_id> for account
// ...: <6 digits>"). EndToEndTest.firstPointsWalkthrough runs it against a real server, with the
// OTP the server's capture sender wrote, and checks each line it prints.
package com.rewardscore.client.examples;

import com.rewardscore.client.RewardsClient;
import com.rewardscore.client.RewardsException;
import com.rewardscore.rewards.loyalty.v1.CreateEarnRuleRequest;
import com.rewardscore.rewards.loyalty.v1.EarnPointsRequest;
import com.rewardscore.rewards.loyalty.v1.EarnPointsResponse;
import com.rewardscore.rewards.loyalty.v1.EarnRule;
import com.rewardscore.rewards.loyalty.v1.GetBalanceRequest;
import com.rewardscore.rewards.loyalty.v1.LoyaltyServiceGrpc.LoyaltyServiceBlockingStub;
import com.rewardscore.rewards.loyalty.v1.ProgramServiceGrpc.ProgramServiceBlockingStub;
import com.rewardscore.rewards.loyalty.v1.RatioEarnRule;
import com.rewardscore.rewards.loyalty.v1.RedeemPointsRequest;
import com.rewardscore.rewards.loyalty.v1.RedeemPointsResponse;
import com.rewardscore.rewards.loyalty.v1.RefundPointsRequest;
import com.rewardscore.rewards.loyalty.v1.RefundPointsResponse;
import com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

public final class FirstPointsExample {
    private FirstPointsExample() {
    }

    public static void main(String[] args) {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        UnaryOperator<String> readOtp = otpId -> {
            System.err.println("OTP " + otpId + " was sent to the member: type its 6 digits");
            try {
                String line = stdin.readLine();
                return line == null ? "" : line.trim();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        try (RewardsClient client = RewardsClient.connect(WalkthroughEnv.target(System.getenv()),
                WalkthroughEnv.credentials(System.getenv()))) {
            run(client, readOtp, System.out::println);
        }
    }

    /**
     * The walkthrough; {@code readOtp} turns an otp_id into the 6 digits the member received, each
     * outcome goes to {@code print}, one line each.
     */
    public static void run(RewardsClient client, UnaryOperator<String> readOtp, Consumer<String> print) {
        // A program with one purchase rule: a point per full euro (100 minor units, floored).
        String programId = FirstCouponExample.newProgram(client);
        client.call(client.programs(), ProgramServiceBlockingStub::createEarnRule, CreateEarnRuleRequest.newBuilder()
                .setEarnRule(EarnRule.newBuilder().setProgramId(programId).setDisplayName("1 point per EUR")
                        .setRatio(RatioEarnRule.newBuilder().setPointsNumerator(1).setAmountMinorDenominator(100)))
                .build());
        String member = FirstCouponExample.newAccount(client, programId);

        // A purchase of 120 EUR earns 120 points; the balance shows them. The receipt's
        // transaction_id makes a second earn for it PURCHASE_ALREADY_EARNED.
        EarnPointsResponse earned = client.call(client.loyalty(), LoyaltyServiceBlockingStub::earnPoints,
                EarnPointsRequest.newBuilder().setAccountId(member).setStoreId("store-1")
                        .setTransactionId("receipt-" + FirstCouponExample.suffix()).setBillAmount(FirstCouponExample.eur(12_000))
                        .build());
        print.accept("earned " + earned.getTransaction().getPoints() + " points");
        printBalance(client, member, print);

        // Burning points needs a one-time password sent to the customer.
        String otpId = client.call(client.loyalty(), LoyaltyServiceBlockingStub::requestRedemptionOtp,
                RequestRedemptionOtpRequest.newBuilder().setAccountId(member).setPoints(50).build()).getOtpId();
        RedeemPointsResponse redeemed;
        try {
            redeemed = client.call(client.loyalty(), LoyaltyServiceBlockingStub::redeemPoints, RedeemPointsRequest.newBuilder()
                    .setAccountId(member).setPoints(50).setOtpId(otpId).setOtpCode(readOtp.apply(otpId)).setStoreId("store-1")
                    .build());
        } catch (RewardsException e) {
            if ("OTP_INVALID".equals(e.reason())) { // ask again, with the same otp id
                print.accept("wrong code, " + e.metadata().get("tries_left") + " tries left");
                return;
            }
            throw e; // OTP_LOCKED (too many wrong codes), OTP_NOT_FOUND (expired): request a new one
        }
        print.accept("redeemed 50 points: " + redeemed.getBalance().getAvailablePoints() + " left");

        // The order is cancelled: refund 20 of the 120 points earned.
        RefundPointsResponse refunded = client.call(client.loyalty(), LoyaltyServiceBlockingStub::refundPoints,
                RefundPointsRequest.newBuilder().setPointsTransactionId(earned.getTransaction().getPointsTransactionId())
                        .setPoints(20).build());
        print.accept("refunded 20 points: " + refunded.getBalance().getAvailablePoints() + " left");
        printBalance(client, member, print);
    }

    private static void printBalance(RewardsClient client, String accountId, Consumer<String> print) {
        long available = client.call(client.loyalty(), LoyaltyServiceBlockingStub::getBalance,
                GetBalanceRequest.newBuilder().setAccountId(accountId).build()).getBalance().getAvailablePoints();
        print.accept("balance: " + available + " points available");
    }
}
