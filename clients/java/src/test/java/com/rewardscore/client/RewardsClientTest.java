package com.rewardscore.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import com.rewardscore.rewards.accounts.v1.AccountServiceGrpc.AccountServiceBlockingStub;
import com.rewardscore.rewards.accounts.v1.CreateAccountRequest;
import com.rewardscore.rewards.accounts.v1.CreateAccountResponse;
import com.rewardscore.rewards.accounts.v1.GetAccountRequest;
import com.rewardscore.rewards.loyalty.v1.CreateEarnCodesRequest;
import com.rewardscore.rewards.loyalty.v1.CreateEarnCodesResponse;
import com.rewardscore.rewards.loyalty.v1.ProgramServiceGrpc.ProgramServiceBlockingStub;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retry helper and error mapping, without a server (the lambdas never touch the channel). */
class RewardsClientTest {
    private RewardsClient client;

    @BeforeEach
    void connect() {
        client = RewardsClient.builder("127.0.0.1:1", new Credentials("org", "client", "secret"))
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void retriesUnavailableAndDeadlineExceededWithTheSameRequest() {
        List<String> sent = new ArrayList<>();
        CreateAccountResponse reply = client.call(client.accounts(), (AccountServiceBlockingStub stub, CreateAccountRequest request) -> {
            sent.add(request.getRequestId());
            if (sent.size() == 1) {
                throw Status.UNAVAILABLE.withDescription("lost").asRuntimeException();
            }
            if (sent.size() == 2) {
                throw Status.DEADLINE_EXCEEDED.asRuntimeException();
            }
            return CreateAccountResponse.getDefaultInstance();
        }, CreateAccountRequest.newBuilder().setProgramId("p").build());

        assertSame(CreateAccountResponse.getDefaultInstance(), reply);
        assertEquals(3, sent.size());
        assertTrue(sent.get(0).matches("[0-9a-f]{32}"), sent.get(0));
        assertTrue(sent.stream().allMatch(sent.get(0)::equals), sent.toString());
    }

    @Test
    void keepsAGivenRequestIdAndGivesUpAfterFiveAttempts() {
        List<String> sent = new ArrayList<>();
        RewardsException error = assertThrows(RewardsException.class, () -> client.call(client.accounts(),
                (AccountServiceBlockingStub stub, CreateAccountRequest request) -> {
                    sent.add(request.getRequestId());
                    throw Status.UNAVAILABLE.asRuntimeException();
                }, CreateAccountRequest.newBuilder().setRequestId("mine").build()));

        assertEquals(List.of("mine", "mine", "mine", "mine", "mine"), sent);
        assertEquals(Status.Code.UNAVAILABLE, error.code());
        assertTrue(error.isRetryable());
    }

    @Test
    void otherFailuresAreNotRetriedAndCarryTheErrorInfo() {
        int[] attempts = {0};
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(Code.NOT_FOUND_VALUE).setMessage("no such account")
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("ACCOUNT_NOT_FOUND")
                        .setDomain("rewards.accounts").putMetadata("account_id", "x").build()))
                .build();

        RewardsException error = assertThrows(RewardsException.class, () -> client.call(client.accounts(), stub -> {
            attempts[0]++;
            throw StatusProto.toStatusRuntimeException(status);
        }));

        assertEquals(1, attempts[0]);
        assertEquals(Status.Code.NOT_FOUND, error.code());
        assertEquals("ACCOUNT_NOT_FOUND", error.reason());
        assertEquals("rewards.accounts", error.domain());
        assertEquals("x", error.metadata().get("account_id"));
        assertFalse(error.retryDelay().isPresent());
        assertFalse(error.isRetryable());
    }

    @Test
    void readsRetryInfoAndWaitsAtLeastItsDelay() {
        RewardsException error = RewardsException.from(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.UNAVAILABLE_VALUE)
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("STATE_REBUILDING").setDomain("rewards.coupons").build()))
                .addDetails(Any.pack(RetryInfo.newBuilder()
                        .setRetryDelay(com.google.protobuf.Duration.newBuilder().setNanos(3_000_000)).build()))
                .build()));

        assertEquals(Duration.ofMillis(3), error.retryDelay().orElseThrow());
        for (int attempt = 1; attempt <= 5; attempt++) {
            Duration wait = client.backoff(attempt, error);
            assertTrue(wait.compareTo(Duration.ofMillis(3)) >= 0 && wait.compareTo(Duration.ofMillis(5)) <= 0, wait::toString);
        }
    }

    @Test
    void backoffIsFullJitterUnderTheDoublingCap() {
        RewardsException error = RewardsException.from(Status.UNAVAILABLE.asRuntimeException());
        try (RewardsClient defaults = RewardsClient.connect("127.0.0.1:1", new Credentials("o", "c", "s"))) {
            for (int i = 0; i < 200; i++) {
                assertTrue(defaults.backoff(1, error).compareTo(Duration.ofMillis(50)) <= 0);
                assertTrue(defaults.backoff(3, error).compareTo(Duration.ofMillis(200)) <= 0);
                assertTrue(defaults.backoff(10, error).compareTo(Duration.ofSeconds(2)) <= 0);
            }
        }
    }

    @Test
    void requestsWithoutARequestIdAreLeftAlone() {
        GetAccountRequest get = GetAccountRequest.newBuilder().setAccountId("a").build();
        assertSame(get, RewardsClient.withRequestId(get));
        assertNull(RewardsException.from(new IllegalStateException("boom")).reason());
    }

    @Test
    void serverStreamFillsTheRequestIdTranslatesFailuresAndCancelsOnClose() {
        List<String> sent = new ArrayList<>();
        AtomicReference<Context> callContext = new AtomicReference<>();
        CreateEarnCodesResponse batch = CreateEarnCodesResponse.newBuilder().addCodes("C1").build();
        Stream<CreateEarnCodesResponse> batches = client.serverStream(client.programs(),
                (ProgramServiceBlockingStub stub, CreateEarnCodesRequest request) -> {
                    sent.add(request.getRequestId());
                    callContext.set(Context.current());
                    return new Iterator<>() {
                        private int given;

                        @Override
                        public boolean hasNext() {
                            if (given == 1) {
                                throw Status.NOT_FOUND.withDescription("gone").asRuntimeException();
                            }
                            return true;
                        }

                        @Override
                        public CreateEarnCodesResponse next() {
                            given++;
                            return batch;
                        }
                    };
                }, CreateEarnCodesRequest.newBuilder().setProgramId("p").build());

        Iterator<CreateEarnCodesResponse> iterator = batches.iterator();
        CreateEarnCodesResponse first = iterator.next();
        RewardsException failure = assertThrows(RewardsException.class, iterator::hasNext);
        assertFalse(callContext.get().isCancelled());
        batches.close();

        assertSame(batch, first);
        assertEquals(Status.Code.NOT_FOUND, failure.code());
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).matches("[0-9a-f]{32}"), sent.get(0));
        assertTrue(callContext.get().isCancelled(), "closing the stream cancels the call");
    }
}
