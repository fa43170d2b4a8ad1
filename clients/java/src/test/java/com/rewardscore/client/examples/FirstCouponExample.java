// The README's "First coupon" walkthrough with the Java client: a program, an account, an offer
// (5 EUR off a bill of 20 EUR or more, at most 1,000 redemptions) with a series of 100 generated
// codes, a coupon issued to the account, validated and redeemed at the till, a second redemption
// refused, and the redemption reversed. Scopes: loyalty:admin, accounts:write, coupons:admin,
// coupons:redeem, coupons:read. Against a live server (`make run`), see the README ("Walkthroughs"):
//
//   mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
//   REWARDS_CREDENTIALS_FILE=../../client.json java -cp "target/classes:target/test-classes:$(cat target/classpath.txt)" \
//       com.rewardscore.client.examples.FirstCouponExample
//
// EndToEndTest.firstCouponWalkthrough runs it against a real server and checks each line it prints.
package com.rewardscore.client.examples;

import com.rewardscore.client.RewardsClient;
import com.rewardscore.client.RewardsException;
import com.rewardscore.rewards.accounts.v1.AccountServiceGrpc.AccountServiceBlockingStub;
import com.rewardscore.rewards.accounts.v1.CreateAccountRequest;
import com.rewardscore.rewards.accounts.v1.Identifier;
import com.rewardscore.rewards.accounts.v1.IdentifierType;
import com.rewardscore.rewards.coupons.v1.CodeSeries;
import com.rewardscore.rewards.coupons.v1.CodeSeriesType;
import com.rewardscore.rewards.coupons.v1.Coupon;
import com.rewardscore.rewards.coupons.v1.CouponServiceGrpc.CouponServiceBlockingStub;
import com.rewardscore.rewards.coupons.v1.CreateCodeSeriesRequest;
import com.rewardscore.rewards.coupons.v1.CreateOfferRequest;
import com.rewardscore.rewards.coupons.v1.GenerateCodesRequest;
import com.rewardscore.rewards.coupons.v1.GenerateCodesResponse;
import com.rewardscore.rewards.coupons.v1.GetCouponRequest;
import com.rewardscore.rewards.coupons.v1.IssueCouponRequest;
import com.rewardscore.rewards.coupons.v1.Offer;
import com.rewardscore.rewards.coupons.v1.OfferRules;
import com.rewardscore.rewards.coupons.v1.OfferServiceGrpc.OfferServiceBlockingStub;
import com.rewardscore.rewards.coupons.v1.OfferState;
import com.rewardscore.rewards.coupons.v1.RedeemCouponRequest;
import com.rewardscore.rewards.coupons.v1.RedeemCouponResponse;
import com.rewardscore.rewards.coupons.v1.ReverseRedemptionRequest;
import com.rewardscore.rewards.coupons.v1.Reward;
import com.rewardscore.rewards.coupons.v1.RewardKind;
import com.rewardscore.rewards.coupons.v1.ValidateCouponRequest;
import com.rewardscore.rewards.coupons.v1.ValidateCouponResponse;
import com.rewardscore.rewards.loyalty.v1.CreateProgramRequest;
import com.rewardscore.rewards.loyalty.v1.Program;
import com.rewardscore.rewards.loyalty.v1.ProgramServiceGrpc.ProgramServiceBlockingStub;
import com.rewardscore.rewards.type.v1.Money;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

public final class FirstCouponExample {
    private FirstCouponExample() {
    }

    public static void main(String[] args) {
        try (RewardsClient client = RewardsClient.connect(WalkthroughEnv.target(System.getenv()),
                WalkthroughEnv.credentials(System.getenv()))) {
            run(client, System.out::println);
        }
    }

    static Money eur(long minor) {
        return Money.newBuilder().setAmountMinor(minor).setCurrencyCode("EUR").build();
    }

    /** Makes the ids of one run unique, so the walkthrough can run again on the same server. */
    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a EUR program (accounts and offers belong to one); returns its id. */
    static String newProgram(RewardsClient client) {
        String programId = "demo-" + suffix();
        client.call(client.programs(), ProgramServiceBlockingStub::createProgram, CreateProgramRequest.newBuilder()
                .setProgram(Program.newBuilder().setProgramId(programId).setDisplayName("Demo")
                        .setCurrencyCode("EUR").setTimeZone("Europe/Berlin"))
                .build());
        return programId;
    }

    /** Creates an account of the program, named by a card code; returns its id. */
    static String newAccount(RewardsClient client, String programId) {
        return client.call(client.accounts(), AccountServiceBlockingStub::createAccount, CreateAccountRequest.newBuilder()
                .setProgramId(programId)
                .addIdentifiers(Identifier.newBuilder().setType(IdentifierType.IDENTIFIER_TYPE_CARDCODE).setValue("CARD-" + suffix()))
                .build()).getAccount().getAccountId();
    }

    /** The walkthrough; each outcome goes to {@code print}, one line each. */
    public static void run(RewardsClient client, Consumer<String> print) {
        String programId = newProgram(client);
        String accountId = newAccount(client, programId);

        // An offer: 5 EUR off a bill of 20 EUR or more, at most 1,000 redemptions, with 100 generated codes.
        String offerId = client.call(client.offers(), OfferServiceBlockingStub::createOffer, CreateOfferRequest.newBuilder()
                .setOffer(Offer.newBuilder().setProgramId(programId).setDisplayName("5 EUR off").setState(OfferState.OFFER_STATE_ACTIVE)
                        .setReward(Reward.newBuilder().setKind(RewardKind.REWARD_KIND_DISCOUNT_AMOUNT).setDiscountAmount(eur(500)))
                        .setRules(OfferRules.newBuilder().setMaxRedemptionCount(1000).setMinBillAmount(eur(2000))))
                .build()).getOffer().getOfferId();
        String seriesId = client.call(client.offers(), OfferServiceBlockingStub::createCodeSeries, CreateCodeSeriesRequest.newBuilder()
                .setCodeSeries(CodeSeries.newBuilder().setOfferId(offerId)
                        .setType(CodeSeriesType.CODE_SERIES_TYPE_UNIQUE_GENERATED).setLength(10))
                .build()).getCodeSeries().getCodeSeriesId();
        // GenerateCodes streams its progress; the last message has the total.
        long total;
        try (Stream<GenerateCodesResponse> progress = client.serverStream(client.offers(), OfferServiceBlockingStub::generateCodes,
                GenerateCodesRequest.newBuilder().setCodeSeriesId(seriesId).setCount(100).build())) {
            total = progress.reduce((first, second) -> second).map(GenerateCodesResponse::getTotalCount).orElse(0L);
        }
        print.accept("generated " + total + " codes");

        // Issue a coupon to the account, check it at the till, redeem it, and take the redemption back.
        Coupon coupon = client.call(client.coupons(), CouponServiceBlockingStub::issueCoupon,
                IssueCouponRequest.newBuilder().setOfferId(offerId).setAccountId(accountId).build()).getCoupon();
        print.accept("issued a coupon: " + coupon.getState().name());
        String code = coupon.getCode();

        ValidateCouponResponse checked = client.call(client.coupons(), CouponServiceBlockingStub::validateCoupon,
                ValidateCouponRequest.newBuilder().setCode(code).setAccountId(accountId).setStoreId("store-1")
                        .setBillAmount(eur(4990)).build());
        Money discount = checked.getReward().getDiscountAmount();
        print.accept("validated: " + (checked.getRedeemable() ? "redeemable" : checked.getReason()) + ", "
                + discount.getAmountMinor() + " " + discount.getCurrencyCode() + " off");

        // withRequestId gives the request its request_id: call()'s retries, and yours with this
        // same request, redeem once.
        RedeemCouponRequest redeem = RewardsClient.withRequestId(RedeemCouponRequest.newBuilder().setCode(code)
                .setAccountId(accountId).setStoreId("store-1").setBillAmount(eur(4990)).build());
        RedeemCouponResponse redeemed = client.call(client.coupons(), CouponServiceBlockingStub::redeemCoupon, redeem);
        discount = redeemed.getReward().getDiscountAmount();
        print.accept("redeemed: " + discount.getAmountMinor() + " " + discount.getCurrencyCode() + " off");

        try {
            // A new request (a new request_id): the coupon is used up.
            client.call(client.coupons(), CouponServiceBlockingStub::redeemCoupon, redeem.toBuilder().setRequestId("").build());
            print.accept("redeemed again: accepted");
        } catch (RewardsException e) {
            print.accept("redeemed again: " + e.reason()); // switch on the stable reason
        }

        client.call(client.coupons(), CouponServiceBlockingStub::reverseRedemption,
                ReverseRedemptionRequest.newBuilder().setRedemptionId(redeemed.getRedemptionId()).build());
        Coupon after = client.call(client.coupons(), CouponServiceBlockingStub::getCoupon,
                GetCouponRequest.newBuilder().setCode(code).setAccountId(accountId).build()).getCoupon();
        print.accept("reversed: coupon " + after.getState().name() + ", " + after.getRedemptionCount() + " redemptions");
    }
}
