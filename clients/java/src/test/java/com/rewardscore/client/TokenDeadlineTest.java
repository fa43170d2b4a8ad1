package com.rewardscore.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import com.rewardscore.rewards.accounts.v1.Account;
import com.rewardscore.rewards.accounts.v1.AccountServiceGrpc;
import com.rewardscore.rewards.accounts.v1.AccountServiceGrpc.AccountServiceBlockingStub;
import com.rewardscore.rewards.accounts.v1.GetAccountRequest;
import com.rewardscore.rewards.accounts.v1.GetAccountResponse;
import com.rewardscore.rewards.auth.v1.AuthServiceGrpc;
import com.rewardscore.rewards.auth.v1.IssueTokenRequest;
import com.rewardscore.rewards.auth.v1.IssueTokenResponse;
import com.rewardscore.rewards.auth.v1.RefreshTokenRequest;
import com.rewardscore.rewards.auth.v1.RefreshTokenResponse;
import io.grpc.ConnectivityState;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's token fetch against a real gRPC server (in this JVM, over TCP) whose AuthService
 * stalls: calls fail at their own deadline and share one fetch, a failed fetch does not poison
 * later calls, and a refresh in progress never holds up calls with a valid token.
 */
class TokenDeadlineTest {
    private static final int CALLS = 8;
    private static final Duration DEADLINE = Duration.ofSeconds(1);
    /** A call with a 1 s deadline answers within this, even on a loaded 2-core machine. */
    private static final Duration BOUND = Duration.ofSeconds(4);
    private static final long STALL_SECONDS = 30;

    private static final Context.Key<String> BEARER = Context.key("bearer");
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    /** IssueToken / RefreshToken that answer only once released (at most after 30 s) while their stall is on. */
    static final class StallingAuth extends AuthServiceGrpc.AuthServiceImplBase {
        final AtomicInteger issued = new AtomicInteger();
        final AtomicInteger refreshed = new AtomicInteger();
        final AtomicBoolean stallIssue = new AtomicBoolean(true);
        final AtomicBoolean stallRefresh = new AtomicBoolean(false);
        final CountDownLatch release = new CountDownLatch(1);

        private void stall(boolean on) {
            if (on) {
                try {
                    release.await(STALL_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void issueToken(IssueTokenRequest request, StreamObserver<IssueTokenResponse> responses) {
            int n = issued.incrementAndGet() + refreshed.get();
            stall(stallIssue.get());
            long now = Instant.now().getEpochSecond();
            responses.onNext(IssueTokenResponse.newBuilder()
                    .setAccessToken("access-" + n).setAccessTokenExpireTime(Timestamp.newBuilder().setSeconds(now + 900))
                    .setRefreshToken("refresh-" + n).setRefreshTokenExpireTime(Timestamp.newBuilder().setSeconds(now + 86_400))
                    .build());
            responses.onCompleted();
        }

        @Override
        public void refreshToken(RefreshTokenRequest request, StreamObserver<RefreshTokenResponse> responses) {
            int n = refreshed.incrementAndGet() + issued.get();
            stall(stallRefresh.get());
            long now = Instant.now().getEpochSecond();
            responses.onNext(RefreshTokenResponse.newBuilder()
                    .setAccessToken("access-" + n).setAccessTokenExpireTime(Timestamp.newBuilder().setSeconds(now + 900))
                    .setRefreshToken("refresh-" + n).setRefreshTokenExpireTime(Timestamp.newBuilder().setSeconds(now + 86_400))
                    .build());
            responses.onCompleted();
        }
    }

    /** GetAccount answers at once, with the bearer token it got as the account id. */
    static final class EchoAccounts extends AccountServiceGrpc.AccountServiceImplBase {
        @Override
        public void getAccount(GetAccountRequest request, StreamObserver<GetAccountResponse> responses) {
            String bearer = BEARER.get();
            if (bearer == null || !bearer.startsWith("Bearer ")) {
                responses.onError(Status.UNAUTHENTICATED.withDescription("no token").asRuntimeException());
                return;
            }
            responses.onNext(GetAccountResponse.newBuilder()
                    .setAccount(Account.newBuilder().setAccountId(bearer.substring("Bearer ".length()))).build());
            responses.onCompleted();
        }
    }

    private StallingAuth auth;
    private Server server;
    private ExecutorService pool;
    private final List<RewardsClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        auth = new StallingAuth();
        ServerInterceptor bearer = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                return Contexts.interceptCall(Context.current().withValue(BEARER, headers.get(AUTHORIZATION)), call, headers, next);
            }
        };
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(auth)
                .addService(ServerInterceptors.intercept(new EchoAccounts(), bearer))
                .build()
                .start();
        pool = Executors.newFixedThreadPool(CALLS);
    }

    @AfterEach
    void stopServer() throws Exception {
        auth.release.countDown();
        for (RewardsClient client : clients) {
            client.channel().shutdownNow();
        }
        pool.shutdownNow();
        server.shutdownNow();
        server.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * A client whose channel is connected already, so that name resolution and the TCP connection
     * (slow on a loaded machine) are not part of what the tests time.
     */
    private RewardsClient connect(RewardsClient.Builder builder) throws InterruptedException {
        RewardsClient client = builder.backoff(Duration.ofMillis(10), Duration.ofMillis(100)).build();
        clients.add(client);
        Instant giveUp = Instant.now().plusSeconds(60);
        while (client.channel().getState(true) != ConnectivityState.READY) {
            assertTrue(Instant.now().isBefore(giveUp), "the channel did not connect");
            Thread.sleep(20);
        }
        return client;
    }

    private RewardsClient.Builder builder() {
        return RewardsClient.builder("127.0.0.1:" + server.getPort(), new Credentials("o", "c", "s"));
    }

    /** The token a call was made with, or the failure; and how long it took. */
    record Outcome(String token, RewardsException error, Duration elapsed) {}

    private static Outcome getAccount(RewardsClient client) {
        Instant began = Instant.now();
        try {
            GetAccountResponse reply = client.call(client.accounts(), AccountServiceBlockingStub::getAccount,
                    GetAccountRequest.newBuilder().setAccountId("x").build());
            return new Outcome(reply.getAccount().getAccountId(), null, Duration.between(began, Instant.now()));
        } catch (RewardsException e) {
            return new Outcome(null, e, Duration.between(began, Instant.now()));
        }
    }

    private List<Outcome> concurrently(RewardsClient client) throws Exception {
        List<Future<Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            calls.add(pool.submit(() -> getAccount(client)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> call : calls) {
            outcomes.add(call.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    private static void assertDeadlineExceeded(Outcome outcome) {
        assertNotNull(outcome.error(), "expected DEADLINE_EXCEEDED, got token " + outcome.token());
        assertEquals(Status.Code.DEADLINE_EXCEEDED, outcome.error().code(), outcome.error().toString());
        assertTrue(outcome.elapsed().compareTo(BOUND) < 0, "answered after " + outcome.elapsed());
    }

    @Test
    void concurrentCallsFailAtTheirDeadlineWhileIssueTokenStallsAndShareOneFetch() throws Exception {
        RewardsClient client = connect(builder().attemptTimeout(DEADLINE).tokenTimeout(Duration.ofMinutes(1)));

        for (Outcome outcome : concurrently(client)) {
            assertDeadlineExceeded(outcome);
            assertTrue(outcome.elapsed().compareTo(DEADLINE.multipliedBy(9).dividedBy(10)) >= 0, "answered after " + outcome.elapsed());
        }
        assertEquals(1, auth.issued.get(), "one shared fetch");

        assertDeadlineExceeded(getAccount(client)); // A later call joins the fetch in flight.
        assertEquals(1, auth.issued.get());

        auth.release.countDown(); // The stall ends: the fetch in flight completes.
        Outcome after = getAccount(client);
        assertEquals("access-1", after.token(), String.valueOf(after.error()));
        assertTrue(after.elapsed().compareTo(BOUND) < 0, "answered after " + after.elapsed());
        assertEquals(1, auth.issued.get());
    }

    @Test
    void aFailedFetchDoesNotPoisonLaterCalls() throws Exception {
        // The fetch's own ceiling (1 s) is shorter than the calls' deadlines (5 s): it fails for all
        // of them (one attempt each: a retry would start a new fetch, as the next call does below).
        RewardsClient client = connect(builder().attemptTimeout(Duration.ofSeconds(5)).tokenTimeout(DEADLINE).maxAttempts(1));

        for (Outcome outcome : concurrently(client)) {
            assertDeadlineExceeded(outcome);
        }
        assertEquals(1, auth.issued.get());

        auth.stallIssue.set(false);
        Outcome next = getAccount(client);
        assertEquals("access-2", next.token(), String.valueOf(next.error()));
        assertTrue(next.elapsed().compareTo(BOUND) < 0, "answered after " + next.elapsed());
        assertEquals(2, auth.issued.get(), "the next call started a new fetch");
    }

    @Test
    void callsWithAValidTokenNeverWaitForARefreshInProgress() throws Exception {
        auth.stallIssue.set(false);
        // One attempt of 5 s each, shorter than the refresh's 30 s stall: a call that waited for
        // the refresh would fail; each must succeed with the current token (and at once, though
        // the bound is left to the deadline here, the server's own answer being at the mercy of
        // the machine's load).
        RewardsClient client = connect(builder().attemptTimeout(Duration.ofSeconds(5)).maxAttempts(1));
        client.tokens().accessToken();
        Outcome first = getAccount(client);
        assertEquals("access-1", first.token(), String.valueOf(first.error()));

        auth.stallRefresh.set(true);
        client.tokens().setRefreshMargin(Duration.ofMinutes(16)); // The valid 15-minute token now counts as expiring.
        for (Outcome outcome : concurrently(client)) {
            assertEquals("access-1", outcome.token(), String.valueOf(outcome.error()));
        }
        assertEquals(1, auth.refreshed.get(), "one refresh, in flight beside the calls");
        assertEquals(1, auth.issued.get());

        auth.release.countDown();
        client.tokens().awaitRenewal(Duration.ofSeconds(30));
        client.tokens().setRefreshMargin(TokenSource.DEFAULT_REFRESH_MARGIN);
        assertEquals("access-2", getAccount(client).token());
        assertEquals(1, auth.refreshed.get());
    }
}
