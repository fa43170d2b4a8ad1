package com.rewardscore.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import com.rewardscore.client.examples.FirstCouponExample;
import com.rewardscore.client.examples.FirstPointsExample;
import com.google.protobuf.Timestamp;
import com.rewardscore.rewards.accounts.v1.AccountServiceGrpc;
import com.rewardscore.rewards.checkout.v1.AuthorizeBasketRequest;
import com.rewardscore.rewards.checkout.v1.Basket;
import com.rewardscore.rewards.checkout.v1.BasketLine;
import com.rewardscore.rewards.checkout.v1.BasketState;
import com.rewardscore.rewards.checkout.v1.CaptureBasketRequest;
import com.rewardscore.rewards.checkout.v1.CheckoutServiceGrpc.CheckoutServiceBlockingStub;
import com.rewardscore.rewards.checkout.v1.VoidBasketRequest;
import com.rewardscore.rewards.accounts.v1.AccountServiceGrpc.AccountServiceBlockingStub;
import com.rewardscore.rewards.accounts.v1.CreateAccountRequest;
import com.rewardscore.rewards.accounts.v1.CreateAccountResponse;
import com.rewardscore.rewards.accounts.v1.GetAccountRequest;
import com.rewardscore.rewards.accounts.v1.Identifier;
import com.rewardscore.rewards.accounts.v1.IdentifierType;
import com.rewardscore.rewards.coupons.v1.BulkIssueCouponsRequest;
import com.rewardscore.rewards.coupons.v1.BulkIssueCouponsResponse;
import com.rewardscore.rewards.coupons.v1.CodeSeries;
import com.rewardscore.rewards.coupons.v1.CouponServiceGrpc;
import com.rewardscore.rewards.coupons.v1.Coupon;
import com.rewardscore.rewards.coupons.v1.CouponState;
import com.rewardscore.rewards.coupons.v1.GetCouponRequest;
import com.rewardscore.rewards.coupons.v1.GetOfferRequest;
import com.rewardscore.rewards.coupons.v1.IssueCouponRequest;
import com.rewardscore.rewards.coupons.v1.CodeSeriesType;
import com.rewardscore.rewards.coupons.v1.CouponServiceGrpc.CouponServiceBlockingStub;
import com.rewardscore.rewards.coupons.v1.CreateCodeSeriesRequest;
import com.rewardscore.rewards.coupons.v1.CreateOfferRequest;
import com.rewardscore.rewards.coupons.v1.CreateOfferResponse;
import com.rewardscore.rewards.coupons.v1.Offer;
import com.rewardscore.rewards.coupons.v1.OfferRules;
import com.rewardscore.rewards.coupons.v1.OfferServiceGrpc.OfferServiceBlockingStub;
import com.rewardscore.rewards.coupons.v1.OfferState;
import com.rewardscore.rewards.coupons.v1.RedeemCouponRequest;
import com.rewardscore.rewards.coupons.v1.RedeemCouponResponse;
import com.rewardscore.rewards.coupons.v1.Reward;
import com.rewardscore.rewards.coupons.v1.RewardKind;
import com.rewardscore.rewards.loyalty.v1.Balance;
import com.rewardscore.rewards.loyalty.v1.CreateEarnCodesRequest;
import com.rewardscore.rewards.loyalty.v1.CreateEarnCodesResponse;
import com.rewardscore.rewards.loyalty.v1.EarnByCodeRequest;
import com.rewardscore.rewards.loyalty.v1.EarnByCodeResponse;
import com.rewardscore.rewards.loyalty.v1.CreateEarnRuleRequest;
import com.rewardscore.rewards.loyalty.v1.CreateProgramRequest;
import com.rewardscore.rewards.loyalty.v1.EarnPointsRequest;
import com.rewardscore.rewards.loyalty.v1.EarnPointsResponse;
import com.rewardscore.rewards.loyalty.v1.EarnRule;
import com.rewardscore.rewards.loyalty.v1.GetBalanceRequest;
import com.rewardscore.rewards.loyalty.v1.LoyaltyServiceGrpc.LoyaltyServiceBlockingStub;
import com.rewardscore.rewards.loyalty.v1.PointsTransaction;
import com.rewardscore.rewards.loyalty.v1.PointsTransactionType;
import com.rewardscore.rewards.loyalty.v1.Program;
import com.rewardscore.rewards.loyalty.v1.ProgramServiceGrpc.ProgramServiceBlockingStub;
import com.rewardscore.rewards.loyalty.v1.RatioEarnRule;
import com.rewardscore.rewards.loyalty.v1.RedeemPointsRequest;
import com.rewardscore.rewards.loyalty.v1.RedeemPointsResponse;
import com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpRequest;
import com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpResponse;
import com.rewardscore.rewards.type.v1.Money;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The client against the real server. Skipped when the server binary is missing, unless CI=true
 * (then it fails).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {
    static final String SCOPES = "accounts:read,accounts:write,coupons:admin,coupons:redeem,coupons:read,"
            + "loyalty:admin,loyalty:earn,loyalty:read,loyalty:redeem,checkout";
    static final String PROGRAM = "java-e2e";

    private ServerProcess server;
    private Credentials credentials;
    private RewardsClient client;

    @BeforeAll
    void startServer() throws Exception {
        boolean present = Files.isExecutable(ServerProcess.binary());
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(present, "rewards-core not built at " + ServerProcess.binary() + " (set REWARDS_CORE_BIN)");
        }
        assertTrue(present, "CI=true but rewards-core is missing at " + ServerProcess.binary());
        server = new ServerProcess();
        credentials = server.createClient("java-" + UUID.randomUUID().toString().substring(0, 8), SCOPES);
        server.createProgram(credentials, PROGRAM);
        client = connect(TokenSource.DEFAULT_REFRESH_MARGIN);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            int exit = server.stop();
            String log = server.recentLog();
            server.close();
            assertEquals(0, exit, "rewards-core exit code; log:\n" + log);
        }
    }

    private RewardsClient connect(Duration refreshMargin) {
        return RewardsClient.builder(server.target(), credentials)
                .attemptTimeout(Duration.ofSeconds(30))
                .refreshMargin(refreshMargin)
                .build();
    }

    private static Money eur(long minor) {
        return Money.newBuilder().setAmountMinor(minor).setCurrencyCode("EUR").build();
    }

    private static CreateAccountRequest newAccount() {
        return CreateAccountRequest.newBuilder().setProgramId(PROGRAM)
                .addIdentifiers(Identifier.newBuilder().setType(IdentifierType.IDENTIFIER_TYPE_CARDCODE)
                        .setValue("card-" + UUID.randomUUID()))
                .build();
    }

    @Test
    void issuesATokenAndCreatesAnAccount() {
        CreateAccountResponse created = client.call(client.accounts(), AccountServiceBlockingStub::createAccount, newAccount());

        assertFalse(created.getAccount().getAccountId().isEmpty());
        assertEquals(PROGRAM, created.getAccount().getProgramId());
        assertNotNull(client.tokens().current());
        String fetched = client.call(client.accounts(), a -> a.getAccount(GetAccountRequest.newBuilder()
                .setAccountId(created.getAccount().getAccountId()).build())).getAccount().getAccountId();
        assertEquals(created.getAccount().getAccountId(), fetched);
    }

    @Test
    void redeemsOnceAndReplaysTheSameRequestId() {
        String accountId = client.call(client.accounts(), AccountServiceBlockingStub::createAccount, newAccount())
                .getAccount().getAccountId();
        Instant now = Instant.now();
        Offer offer = Offer.newBuilder()
                .setProgramId(PROGRAM).setDisplayName("5 EUR off").setState(OfferState.OFFER_STATE_ACTIVE)
                .setReward(Reward.newBuilder().setKind(RewardKind.REWARD_KIND_DISCOUNT_AMOUNT).setDiscountAmount(eur(500)))
                .setRules(OfferRules.newBuilder()
                        .setStartTime(Timestamp.newBuilder().setSeconds(now.minusSeconds(3600).getEpochSecond()))
                        .setEndTime(Timestamp.newBuilder().setSeconds(now.plus(Duration.ofDays(30)).getEpochSecond()))
                        .setMaxRedemptionCount(1))
                .build();
        CreateOfferResponse created = client.call(client.offers(), OfferServiceBlockingStub::createOffer,
                CreateOfferRequest.newBuilder().setOffer(offer).build());
        String code = "JAVA" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        client.call(client.offers(), OfferServiceBlockingStub::createCodeSeries, CreateCodeSeriesRequest.newBuilder()
                .setCodeSeries(CodeSeries.newBuilder().setOfferId(created.getOffer().getOfferId())
                        .setType(CodeSeriesType.CODE_SERIES_TYPE_COMMON).setCommonCode(code))
                .build());
        RedeemCouponRequest redeem = RedeemCouponRequest.newBuilder()
                .setRequestId(RewardsClient.newRequestId()).setCode(code).setAccountId(accountId)
                .setStoreId("store-1").setBillAmount(eur(2_000)).setTransactionId("tx-" + UUID.randomUUID())
                .build();

        RedeemCouponResponse first = client.call(client.coupons(), c -> c.redeemCoupon(redeem));
        RedeemCouponResponse again = client.call(client.coupons(), c -> c.redeemCoupon(redeem));
        RewardsException limit = assertThrows(RewardsException.class, () -> client.call(client.coupons(),
                CouponServiceBlockingStub::redeemCoupon, redeem.toBuilder().setRequestId("").build()));

        assertFalse(first.getRedemptionId().isEmpty());
        assertEquals(eur(500), first.getReward().getDiscountAmount());
        assertEquals(first, again);
        assertEquals(Status.Code.FAILED_PRECONDITION, limit.code());
        assertEquals("REDEMPTION_LIMIT_REACHED", limit.reason());
        assertEquals("rewards.coupons", limit.domain());
    }

    /** An ACTIVE offer giving 5 EUR off under {@code rules}, without a code series (IssueCoupon generates a code per coupon); returns its id. */
    private String newOffer(OfferRules rules) {
        Offer offer = Offer.newBuilder()
                .setProgramId(PROGRAM).setDisplayName("5 EUR off").setState(OfferState.OFFER_STATE_ACTIVE)
                .setReward(Reward.newBuilder().setKind(RewardKind.REWARD_KIND_DISCOUNT_AMOUNT).setDiscountAmount(eur(500)))
                .setRules(rules)
                .build();
        return client.call(client.offers(), OfferServiceBlockingStub::createOffer,
                CreateOfferRequest.newBuilder().setOffer(offer).build()).getOffer().getOfferId();
    }

    /** An offer as {@link #newOffer} makes it, with a COMMON code; returns {offer id, code}. */
    private String[] offerWithCode(OfferRules rules) {
        String offerId = newOffer(rules);
        String code = "JAVA" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        client.call(client.offers(), OfferServiceBlockingStub::createCodeSeries, CreateCodeSeriesRequest.newBuilder()
                .setCodeSeries(CodeSeries.newBuilder().setOfferId(offerId)
                        .setType(CodeSeriesType.CODE_SERIES_TYPE_COMMON).setCommonCode(code))
                .build());
        return new String[] {offerId, code};
    }

    private long redeemedCount(String offerId) {
        return client.call(client.offers(), OfferServiceBlockingStub::getOffer,
                GetOfferRequest.newBuilder().setOfferId(offerId).build()).getOffer().getRedeemedCount();
    }

    private static RedeemCouponRequest redeem(String code, String accountId) {
        return RedeemCouponRequest.newBuilder().setCode(code).setAccountId(accountId)
                .setStoreId("store-1").setBillAmount(eur(2_000)).build();
    }

    /**
     * Lets the first call reach the server, then reports UNAVAILABLE instead of its reply; records
     * the request_id of every request sent.
     */
    private static final class LoseFirstReply implements ClientInterceptor {
        final AtomicInteger calls = new AtomicInteger();
        final List<String> requestIds = Collections.synchronizedList(new ArrayList<>());

        @Override
        public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
                MethodDescriptor<ReqT, RespT> method, CallOptions options, Channel next) {
            boolean lose = calls.incrementAndGet() == 1;
            return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                @Override
                public void start(Listener<RespT> listener, Metadata headers) {
                    super.start(!lose ? listener : new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                        @Override
                        public void onMessage(RespT message) {
                            // The reply is lost on the way back.
                        }

                        @Override
                        public void onClose(Status status, Metadata trailers) {
                            super.onClose(status.isOk() ? Status.UNAVAILABLE.withDescription("reply lost (injected by the test)") : status,
                                    trailers);
                        }
                    }, headers);
                }

                @Override
                public void sendMessage(ReqT message) {
                    Message request = (Message) message;
                    requestIds.add((String) request.getField(request.getDescriptorForType().findFieldByName("request_id")));
                    super.sendMessage(message);
                }
            };
        }
    }

    @Test
    void aRetriedRedemptionRedeemsOnce() {
        // No limit on the offer: only the request_id keeps the retry from redeeming twice.
        String[] offer = offerWithCode(OfferRules.getDefaultInstance());
        String accountId = client.call(client.accounts(), AccountServiceBlockingStub::createAccount, newAccount())
                .getAccount().getAccountId();
        LoseFirstReply loss = new LoseFirstReply();
        RedeemCouponRequest request = redeem(offer[1], accountId); // request_id empty: call() fills it once

        RedeemCouponResponse first = client.call(client.coupons().withInterceptors(loss),
                CouponServiceBlockingStub::redeemCoupon, request);
        String requestId = loss.requestIds.get(0);
        RedeemCouponResponse again = client.call(client.coupons(), CouponServiceBlockingStub::redeemCoupon,
                request.toBuilder().setRequestId(requestId).build());
        long countAfterOne = redeemedCount(offer[0]);
        RedeemCouponResponse other = client.call(client.coupons(), CouponServiceBlockingStub::redeemCoupon, request);
        long countAfterTwo = redeemedCount(offer[0]);

        assertEquals(2, loss.calls.get(), "the lost reply was retried");
        assertFalse(requestId.isEmpty());
        assertEquals(List.of(requestId, requestId), loss.requestIds, "both attempts carried the same request_id");
        assertFalse(first.getRedemptionId().isEmpty());
        assertEquals(offer[0], first.getCoupon().getOfferId());
        assertEquals(first, again, "a retry with the same request_id replays the first reply");
        assertEquals(1, countAfterOne, "one redemption, sent three times");
        assertNotEquals(first.getRedemptionId(), other.getRedemptionId(), "a new request_id is a new redemption");
        assertEquals(2, countAfterTwo);
    }

    @Test
    void anIssuedCouponIsRedeemedOnceByItsHolder() {
        // No code series: the coupon gets a code of its own (a COMMON code is everyone's, and redeems again).
        String offerId = newOffer(OfferRules.newBuilder().setMaxAccountIssueCount(1).build());
        String accountId = client.call(client.accounts(), AccountServiceBlockingStub::createAccount, newAccount())
                .getAccount().getAccountId();
        IssueCouponRequest issue = IssueCouponRequest.newBuilder().setOfferId(offerId).setAccountId(accountId).build();

        Coupon issued = client.call(client.coupons(), CouponServiceBlockingStub::issueCoupon, issue).getCoupon();
        RewardsException limit = assertThrows(RewardsException.class,
                () -> client.call(client.coupons(), CouponServiceBlockingStub::issueCoupon, issue));
        RedeemCouponResponse redeemed = client.call(client.coupons(), CouponServiceBlockingStub::redeemCoupon,
                redeem(issued.getCode(), accountId));
        RewardsException twice = assertThrows(RewardsException.class, () -> client.call(client.coupons(),
                CouponServiceBlockingStub::redeemCoupon, redeem(issued.getCode(), accountId)));
        Coupon read = client.call(client.coupons(), CouponServiceBlockingStub::getCoupon,
                GetCouponRequest.newBuilder().setCode(issued.getCode()).setAccountId(accountId).build()).getCoupon();

        assertFalse(issued.getCode().isEmpty());
        assertEquals(CouponState.COUPON_STATE_ACTIVE, issued.getState()); // no activation required
        assertEquals("ISSUE_LIMIT_PER_CUSTOMER_REACHED", limit.reason());
        assertEquals(eur(500), redeemed.getReward().getDiscountAmount());
        assertEquals(Status.Code.FAILED_PRECONDITION, twice.code());
        assertEquals("COUPON_ALREADY_REDEEMED", twice.reason());
        assertEquals(issued.getCouponId(), read.getCouponId());
        assertEquals(CouponState.COUPON_STATE_REDEEMED, read.getState());
        assertEquals(1, read.getRedemptionCount());
    }

    @Test
    void aSignatureWithTheWrongKeyIsRefused() {
        client.tokens().accessToken(); // A valid token, so only the signature is wrong.
        AuthInterceptor wrongKey = new AuthInterceptor(client.tokens(), RequestSigning.signingKey("not-the-secret"));
        AccountServiceBlockingStub accounts = AccountServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(client.channel(), wrongKey));

        RewardsException refused = assertThrows(RewardsException.class, () -> client.call(accounts,
                AccountServiceBlockingStub::createAccount, newAccount()));

        assertEquals(Status.Code.UNAUTHENTICATED, refused.code());
        assertEquals("SIGNATURE_INVALID", refused.reason());
    }

    @Test
    void errorsCarryTheirReason() {
        RewardsException missing = assertThrows(RewardsException.class, () -> client.call(client.accounts(),
                a -> a.getAccount(GetAccountRequest.newBuilder().setAccountId(UUID.randomUUID().toString()).build())));

        assertEquals(Status.Code.NOT_FOUND, missing.code());
        assertEquals("ACCOUNT_NOT_FOUND", missing.reason());
        assertEquals("rewards.accounts", missing.domain());
    }

    @Test
    void concurrentFirstCallsShareOneIssueToken() throws Exception {
        try (RewardsClient fresh = connect(TokenSource.DEFAULT_REFRESH_MARGIN)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<CreateAccountResponse>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    calls.add(pool.submit(() -> fresh.call(fresh.accounts(), AccountServiceBlockingStub::createAccount, newAccount())));
                }
                for (Future<CreateAccountResponse> call : calls) {
                    assertFalse(call.get().getAccount().getAccountId().isEmpty());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, fresh.tokens().issueCount.get());
            assertEquals(0, fresh.tokens().refreshCount.get());
        }
    }

    @Test
    void refreshesTheTokenAheadOfExpiry() throws Exception {
        try (RewardsClient refreshing = connect(TokenSource.DEFAULT_REFRESH_MARGIN)) {
            refreshing.call(refreshing.accounts(), AccountServiceBlockingStub::createAccount, newAccount());
            TokenSource.TokenPair before = refreshing.tokens().current();
            assertEquals(1, refreshing.tokens().issueCount.get());
            // The 15-minute access token now counts as expiring.
            refreshing.tokens().setRefreshMargin(Duration.between(Instant.now(), before.accessExpireTime()).plusSeconds(10));

            CreateAccountResponse created = refreshing.call(refreshing.accounts(),
                    AccountServiceBlockingStub::createAccount, newAccount());
            // The still valid token served the call; the refresh ran beside it.
            refreshing.tokens().awaitRenewal(Duration.ofSeconds(30));

            TokenSource.TokenPair after = refreshing.tokens().current();
            assertFalse(created.getAccount().getAccountId().isEmpty());
            assertEquals(1, refreshing.tokens().refreshCount.get(), "renewed by RefreshToken");
            assertEquals(1, refreshing.tokens().issueCount.get(), "not by a new IssueToken");
            assertNotEquals(before.refreshToken(), after.refreshToken());
            assertNotEquals(before.accessToken(), after.accessToken());
        }
    }

    // Points: a program with a purchase rule, earning, balances, OTP redemption, an idempotent earn.

    /** A EUR program whose one RATIO rule gives a point per full euro of a purchase (floored). */
    private String newPointsProgram() {
        String programId = "java-p-" + UUID.randomUUID().toString().substring(0, 8);
        client.call(client.programs(), ProgramServiceBlockingStub::createProgram, CreateProgramRequest.newBuilder()
                .setProgram(Program.newBuilder().setProgramId(programId).setDisplayName("Points")
                        .setCurrencyCode("EUR").setTimeZone("Europe/Berlin"))
                .build());
        EarnRule rule = client.call(client.programs(), ProgramServiceBlockingStub::createEarnRule,
                CreateEarnRuleRequest.newBuilder().setEarnRule(EarnRule.newBuilder()
                        .setProgramId(programId).setDisplayName("1 point per EUR")
                        .setRatio(RatioEarnRule.newBuilder().setPointsNumerator(1).setAmountMinorDenominator(100)))
                        .build()).getEarnRule();
        assertFalse(rule.getEarnRuleId().isEmpty());
        return programId;
    }

    /** An account of the program, named by a card code. */
    private String newPointsAccount(String programId) {
        return client.call(client.accounts(), AccountServiceBlockingStub::createAccount, CreateAccountRequest.newBuilder()
                .setProgramId(programId)
                .addIdentifiers(Identifier.newBuilder().setType(IdentifierType.IDENTIFIER_TYPE_CARDCODE)
                        .setValue("C" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT)))
                .build()).getAccount().getAccountId();
    }

    private static EarnPointsRequest earn(String accountId, long billMinor) {
        return EarnPointsRequest.newBuilder().setAccountId(accountId).setStoreId("store-1")
                .setTransactionId("receipt-" + UUID.randomUUID()).setBillAmount(eur(billMinor)).build();
    }

    private Balance balance(String accountId) {
        return client.call(client.loyalty(), LoyaltyServiceBlockingStub::getBalance,
                GetBalanceRequest.newBuilder().setAccountId(accountId).build()).getBalance();
    }

    /** Requests an OTP for {@code points}; returns {otp id, the code the member received}. */
    private String[] otp(String accountId, long points) throws IOException {
        RequestRedemptionOtpResponse ticket = client.call(client.loyalty(), LoyaltyServiceBlockingStub::requestRedemptionOtp,
                RequestRedemptionOtpRequest.newBuilder().setAccountId(accountId).setPoints(points).build());
        assertFalse(ticket.getOtpId().isEmpty());
        assertTrue(ticket.hasExpireTime());
        return new String[] {ticket.getOtpId(), server.otpCode(ticket.getOtpId())};
    }

    private static RedeemPointsRequest redeemPoints(String accountId, long points, String[] otp, String code) {
        return RedeemPointsRequest.newBuilder().setAccountId(accountId).setPoints(points)
                .setOtpId(otp[0]).setOtpCode(code).setStoreId("store-1").build();
    }

    @Test
    void aPurchaseEarnsAPointPerFullEuro() {
        String accountId = newPointsAccount(newPointsProgram());

        EarnPointsResponse earned = client.call(client.loyalty(), LoyaltyServiceBlockingStub::earnPoints, earn(accountId, 12_399));
        Balance read = balance(accountId);

        PointsTransaction tx = earned.getTransaction();
        assertEquals(PointsTransactionType.POINTS_TRANSACTION_TYPE_EARN, tx.getType());
        assertEquals(123, tx.getPoints());
        assertEquals(123, tx.getRegularPoints());
        assertEquals(123, earned.getBalance().getAvailablePoints());
        assertEquals(accountId, read.getAccountId());
        assertEquals(123, read.getAvailablePoints());
        assertEquals(123, read.getPostedPoints());
    }

    @Test
    void pointsAreRedeemedOnceWithTheOtpSentToTheMember() throws IOException {
        String accountId = newPointsAccount(newPointsProgram());
        client.call(client.loyalty(), LoyaltyServiceBlockingStub::earnPoints, earn(accountId, 100_000)); // 1,000 points
        String[] otp = otp(accountId, 300);

        RedeemPointsResponse redeemed = client.call(client.loyalty(), LoyaltyServiceBlockingStub::redeemPoints,
                redeemPoints(accountId, 300, otp, otp[1]));
        RewardsException used = assertThrows(RewardsException.class, () -> client.call(client.loyalty(),
                LoyaltyServiceBlockingStub::redeemPoints, redeemPoints(accountId, 300, otp, otp[1])));

        assertEquals(PointsTransactionType.POINTS_TRANSACTION_TYPE_REDEEM, redeemed.getTransaction().getType());
        assertEquals(-300, redeemed.getTransaction().getPoints());
        assertEquals(700, redeemed.getBalance().getAvailablePoints());
        assertEquals(700, balance(accountId).getPostedPoints());
        assertEquals("OTP_ALREADY_USED", used.reason());
    }

    @Test
    void aWrongOtpCodeIsOtpInvalidWithTheTriesLeft() throws IOException {
        String accountId = newPointsAccount(newPointsProgram());
        client.call(client.loyalty(), LoyaltyServiceBlockingStub::earnPoints, earn(accountId, 10_000)); // 100 points
        String[] otp = otp(accountId, 40);
        String wrong = String.format(Locale.ROOT, "%06d", (Integer.parseInt(otp[1]) + 1) % 1_000_000);

        RewardsException invalid = assertThrows(RewardsException.class, () -> client.call(client.loyalty(),
                LoyaltyServiceBlockingStub::redeemPoints, redeemPoints(accountId, 40, otp, wrong)));
        long postedAfterRefusal = balance(accountId).getPostedPoints();
        RedeemPointsResponse redeemed = client.call(client.loyalty(), LoyaltyServiceBlockingStub::redeemPoints,
                redeemPoints(accountId, 40, otp, otp[1]));

        assertEquals(Status.Code.FAILED_PRECONDITION, invalid.code());
        assertEquals("OTP_INVALID", invalid.reason());
        assertEquals("rewards.loyalty", invalid.domain());
        assertEquals("4", invalid.metadata().get("tries_left"));
        assertFalse(invalid.isRetryable());
        assertEquals(100, postedAfterRefusal);
        assertEquals(60, redeemed.getBalance().getAvailablePoints(), "the right code still works");
    }

    @Test
    void aRetriedEarnEarnsOnce() {
        String accountId = newPointsAccount(newPointsProgram());
        LoseFirstReply loss = new LoseFirstReply();
        EarnPointsRequest request = earn(accountId, 5_000); // request_id empty: call() fills it once

        EarnPointsResponse first = client.call(client.loyalty().withInterceptors(loss),
                LoyaltyServiceBlockingStub::earnPoints, request);
        String requestId = loss.requestIds.get(0);
        EarnPointsResponse again = client.call(client.loyalty(), LoyaltyServiceBlockingStub::earnPoints,
                request.toBuilder().setRequestId(requestId).build());
        long posted = balance(accountId).getPostedPoints();
        RewardsException earnedBefore = assertThrows(RewardsException.class, () -> client.call(client.loyalty(),
                LoyaltyServiceBlockingStub::earnPoints, request)); // a new request_id for the same receipt

        assertEquals(2, loss.calls.get(), "the lost reply was retried");
        assertFalse(requestId.isEmpty());
        assertEquals(List.of(requestId, requestId), loss.requestIds, "both attempts carried the same request_id");
        assertEquals(50, first.getTransaction().getPoints());
        assertEquals(first, again, "a retry with the same request_id replays the first reply");
        assertEquals(50, posted, "one earn, sent three times");
        assertEquals(Status.Code.ALREADY_EXISTS, earnedBefore.code());
        assertEquals("PURCHASE_ALREADY_EARNED", earnedBefore.reason());
    }

    /** Every code of a CreateEarnCodes stream, checking the counts of each batch. */
    private List<String> earnCodes(CreateEarnCodesRequest request) {
        List<String> codes = new ArrayList<>();
        try (Stream<CreateEarnCodesResponse> batches = client.serverStream(client.programs(),
                ProgramServiceBlockingStub::createEarnCodes, request)) {
            batches.forEach(batch -> {
                codes.addAll(batch.getCodesList());
                assertEquals(codes.size(), batch.getCreatedCount());
                assertEquals(request.getCount(), batch.getTotalCount());
            });
        }
        return codes;
    }

    @Test
    void earnCodesAreStreamedAndEachEarnsOnce() {
        String programId = newPointsProgram();
        String accountId = newPointsAccount(programId);
        CreateEarnCodesRequest request = RewardsClient.withRequestId(CreateEarnCodesRequest.newBuilder()
                .setProgramId(programId).setPoints(25).setCount(3)
                .setExpireTime(Timestamp.newBuilder().setSeconds(Instant.now().plus(Duration.ofDays(1)).getEpochSecond()))
                .build());

        List<String> codes = earnCodes(request);
        List<String> again = earnCodes(request); // the same request_id: the same codes
        EarnByCodeResponse earned = client.call(client.loyalty(), LoyaltyServiceBlockingStub::earnByCode,
                EarnByCodeRequest.newBuilder().setAccountId(accountId).setCode(codes.get(0).toLowerCase(Locale.ROOT)).build());
        RewardsException used = assertThrows(RewardsException.class, () -> client.call(client.loyalty(),
                LoyaltyServiceBlockingStub::earnByCode, EarnByCodeRequest.newBuilder().setAccountId(accountId).setCode(codes.get(0)).build()));
        RewardsException unknown = assertThrows(RewardsException.class, () -> earnCodes(request.toBuilder()
                .setRequestId("").setProgramId("no-such-program").build()));

        assertEquals(3, codes.size());
        assertEquals(codes, again);
        assertEquals(25, earned.getTransaction().getPoints());
        assertEquals("EARN_CODE_ALREADY_USED", used.reason());
        assertEquals(25, balance(accountId).getPostedPoints());
        assertEquals(Status.Code.NOT_FOUND, unknown.code());
        assertEquals("PROGRAM_NOT_FOUND", unknown.reason());
        assertEquals("rewards.loyalty", unknown.domain());
    }

    @Test
    void bulkIssueIsSignedAndGivesEachRowItsReason() {
        String offerId = newOffer(OfferRules.getDefaultInstance());
        BulkIssueCouponsRequest batch = RewardsClient.withRequestId(BulkIssueCouponsRequest.newBuilder().setOfferId(offerId)
                .addRows(BulkIssueCouponsRequest.Row.newBuilder().setAccountId(
                        client.call(client.accounts(), AccountServiceBlockingStub::createAccount, newAccount()).getAccount().getAccountId()))
                .addRows(BulkIssueCouponsRequest.Row.newBuilder().setAccountId("not-a-uuid"))
                .build());

        List<BulkIssueCouponsResponse> replies = client.exchange(CouponServiceGrpc.getBulkIssueCouponsMethod(), List.of(batch));

        assertEquals(1, replies.size());
        BulkIssueCouponsResponse reply = replies.get(0);
        assertEquals(batch.getRequestId(), reply.getRequestId());
        assertEquals(1, reply.getIssuedCount());
        assertEquals(1, reply.getFailedCount());
        assertEquals(List.of("", "INVALID_ACCOUNT_ID"), reply.getRowsList().stream().map(BulkIssueCouponsResponse.Row::getReason).toList());
        assertFalse(reply.getRows(0).getCoupon().getCode().isEmpty());
    }

    /** A basket authorized (its coupon held), voided (the use given back), then another authorized and captured. */
    @Test
    void aBasketIsAuthorizedThenVoidedOrCaptured() {
        String programId = newPointsProgram();
        String accountId = newPointsAccount(programId);
        String offerId = client.call(client.offers(), OfferServiceBlockingStub::createOffer, CreateOfferRequest.newBuilder()
                .setOffer(Offer.newBuilder().setProgramId(programId).setDisplayName("5 EUR off")
                        .setState(OfferState.OFFER_STATE_ACTIVE)
                        .setReward(Reward.newBuilder().setKind(RewardKind.REWARD_KIND_DISCOUNT_AMOUNT).setDiscountAmount(eur(500)))
                        .setRules(OfferRules.newBuilder().setMaxRedemptionCount(1)))
                .build()).getOffer().getOfferId();
        String code = "JB" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
        client.call(client.offers(), OfferServiceBlockingStub::createCodeSeries, CreateCodeSeriesRequest.newBuilder()
                .setCodeSeries(CodeSeries.newBuilder().setOfferId(offerId)
                        .setType(CodeSeriesType.CODE_SERIES_TYPE_COMMON).setCommonCode(code))
                .build());
        java.util.function.Supplier<AuthorizeBasketRequest> basket = () -> AuthorizeBasketRequest.newBuilder()
                .setAccountId(accountId).setStoreId("store-1").setTransactionId("tx-" + UUID.randomUUID())
                .addLines(BasketLine.newBuilder().setSku("SKU-1").setItemCount(1).setLineAmount(eur(2_000)))
                .setTotalAmount(eur(2_000)).addCouponCodes(code).setEarnPoints(true).build();

        // 20 EUR - 5 EUR = 15 EUR to pay, 15 points to earn; the offer's one use is held.
        Basket held = client.call(client.checkout(), CheckoutServiceBlockingStub::authorizeBasket, basket.get()).getBasket();
        assertEquals(BasketState.BASKET_STATE_AUTHORIZED, held.getState());
        assertEquals(eur(1_500), held.getPayableAmount());
        assertEquals(15, held.getEarnedPoints());
        assertTrue(held.getCouponResults(0).getApplied());
        RewardsException limit = assertThrows(RewardsException.class,
                () -> client.call(client.checkout(), CheckoutServiceBlockingStub::authorizeBasket, basket.get()));
        assertEquals("REDEMPTION_LIMIT_REACHED", limit.reason());

        Basket voided = client.call(client.checkout(), CheckoutServiceBlockingStub::voidBasket,
                VoidBasketRequest.newBuilder().setBasketId(held.getBasketId()).build()).getBasket();
        assertEquals(BasketState.BASKET_STATE_VOIDED, voided.getState());
        Basket again = client.call(client.checkout(), CheckoutServiceBlockingStub::authorizeBasket, basket.get()).getBasket();
        Basket captured = client.call(client.checkout(), CheckoutServiceBlockingStub::captureBasket,
                CaptureBasketRequest.newBuilder().setBasketId(again.getBasketId()).build()).getBasket();
        assertEquals(BasketState.BASKET_STATE_CAPTURED, captured.getState());
        assertFalse(captured.getEarnPointsTransactionId().isEmpty());
        assertEquals(15, balance(accountId).getPostedPoints());
        RewardsException capturedAlready = assertThrows(RewardsException.class, () -> client.call(client.checkout(),
                CheckoutServiceBlockingStub::voidBasket, VoidBasketRequest.newBuilder().setBasketId(again.getBasketId()).build()));
        assertEquals("BASKET_ALREADY_CAPTURED", capturedAlready.reason());
    }

    // The README's walkthroughs (examples/FirstCouponExample, FirstPointsExample; run by hand as
    // the README of this client says), against the real server, each printed line checked.

    @Test
    void firstCouponWalkthrough() {
        List<String> lines = new ArrayList<>();
        FirstCouponExample.run(client, lines::add);
        assertEquals(List.of(
                "generated 100 codes",
                "issued a coupon: COUPON_STATE_ACTIVE",
                "validated: redeemable, 500 EUR off",
                "redeemed: 500 EUR off",
                "redeemed again: COUPON_ALREADY_REDEEMED",
                "reversed: coupon COUPON_STATE_ACTIVE, 0 redemptions"), lines);
    }

    @Test
    void firstPointsWalkthrough() {
        List<String> lines = new ArrayList<>();
        // The member would read the OTP out; the test server's capture sender wrote it to a file.
        FirstPointsExample.run(client, otpId -> {
            try {
                return server.otpCode(otpId);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, lines::add);
        assertEquals(List.of(
                "earned 120 points",
                "balance: 120 points available",
                "redeemed 50 points: 70 left",
                "refunded 20 points: 50 left",
                "balance: 50 points available"), lines);
    }
}
