package com.rewardscore.client;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.rewardscore.rewards.accounts.v1.AccountServiceGrpc;
import com.rewardscore.rewards.auth.v1.AuthServiceGrpc;
import com.rewardscore.rewards.checkout.v1.CheckoutServiceGrpc;
import com.rewardscore.rewards.coupons.v1.CouponServiceGrpc;
import com.rewardscore.rewards.coupons.v1.OfferServiceGrpc;
import com.rewardscore.rewards.loyalty.v1.LoyaltyServiceGrpc;
import com.rewardscore.rewards.loyalty.v1.ProgramServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptors;
import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A rewards-core client: one channel, access tokens refreshed ahead of expiry, every call signed,
 * safe retries and typed errors.
 *
 * <pre>{@code
 * try (RewardsClient client = RewardsClient.connect("localhost:50051", new Credentials(org, clientId, secret))) {
 *     CreateAccountResponse created = client.call(client.accounts(), AccountServiceBlockingStub::createAccount,
 *             CreateAccountRequest.newBuilder().setProgramId("demo").build());
 * } catch (RewardsException e) {
 *     System.err.println(e.code() + " " + e.reason() + " " + e.metadata());
 * }
 * }</pre>
 *
 * The stubs ({@link #accounts()}, {@link #coupons()}, ...) can also be called directly; they add
 * the token and the signature but neither retry nor translate errors
 * ({@link RewardsException#from} does that).
 */
public final class RewardsClient implements AutoCloseable {
    private final ManagedChannel channel;
    private final Channel signed;
    private final TokenSource tokens;
    private final Options options;
    private final AuthServiceGrpc.AuthServiceBlockingStub auth;
    private final AccountServiceGrpc.AccountServiceBlockingStub accounts;
    private final OfferServiceGrpc.OfferServiceBlockingStub offers;
    private final CouponServiceGrpc.CouponServiceBlockingStub coupons;
    private final ProgramServiceGrpc.ProgramServiceBlockingStub programs;
    private final LoyaltyServiceGrpc.LoyaltyServiceBlockingStub loyalty;
    private final CheckoutServiceGrpc.CheckoutServiceBlockingStub checkout;

    private RewardsClient(ManagedChannel channel, Credentials credentials, Options options) {
        this.channel = channel;
        this.options = options;
        this.tokens = new TokenSource(channel, credentials, options.refreshMargin, options.tokenTimeout, options.clock);
        this.signed = ClientInterceptors.intercept(channel,
                new AuthInterceptor(tokens, RequestSigning.signingKey(credentials.clientSecret()), options.clock));
        this.auth = AuthServiceGrpc.newBlockingStub(signed);
        this.accounts = AccountServiceGrpc.newBlockingStub(signed);
        this.offers = OfferServiceGrpc.newBlockingStub(signed);
        this.coupons = CouponServiceGrpc.newBlockingStub(signed);
        this.programs = ProgramServiceGrpc.newBlockingStub(signed);
        this.loyalty = LoyaltyServiceGrpc.newBlockingStub(signed);
        this.checkout = CheckoutServiceGrpc.newBlockingStub(signed);
    }

    /** A plaintext connection with the default options; see {@link #builder} for TLS and tuning. */
    public static RewardsClient connect(String target, Credentials credentials) {
        return builder(target, credentials).build();
    }

    public static Builder builder(String target, Credentials credentials) {
        return new Builder(target, credentials);
    }

    /** A new idempotency key (32 lower-case hex characters) for one logical operation. */
    public static String newRequestId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Calls {@code rpc} on {@code stub}, retrying UNAVAILABLE and DEADLINE_EXCEEDED up to the
     * configured attempts with exponential backoff and full jitter (waiting at least the server's
     * RetryInfo delay, when it sends one). The lambda must send the same request on every
     * attempt, so that a mutating request keeps its request_id and the server replays the first
     * reply instead of executing it twice. Each attempt gets its own deadline (the attempt timeout).
     * An attempt that needs an access token waits for the (shared) token fetch at most until its
     * deadline and then fails with DEADLINE_EXCEEDED, which is not retried.
     *
     * <pre>{@code
     * RedeemCouponRequest request = RedeemCouponRequest.newBuilder().setRequestId(RewardsClient.newRequestId())...build();
     * RedeemCouponResponse redeemed = client.call(client.coupons(), c -> c.redeemCoupon(request));
     * }</pre>
     *
     * @throws RewardsException when the call fails for good
     */
    public <S extends AbstractStub<S>, R> R call(S stub, Function<? super S, ? extends R> rpc) {
        Objects.requireNonNull(stub, "stub");
        Objects.requireNonNull(rpc, "rpc");
        for (int attempt = 1; ; attempt++) {
            try {
                return rpc.apply(stub.withDeadlineAfter(options.attemptTimeout.toNanos(), TimeUnit.NANOSECONDS));
            } catch (RuntimeException e) {
                RewardsException error = RewardsException.from(e);
                if (!error.isRetryable() || attempt >= options.maxAttempts || waitedForToken(e)) {
                    throw error;
                }
                try {
                    Thread.sleep(backoff(attempt, error).toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw error;
                }
            }
        }
    }

    /**
     * Like {@link #call(AbstractStub, Function)} for a method reference and its request; an empty
     * request_id is filled with {@link #newRequestId()} once, before the first attempt.
     *
     * <pre>{@code
     * client.call(client.accounts(), AccountServiceBlockingStub::createAccount, request);
     * }</pre>
     */
    public <S extends AbstractStub<S>, Q extends Message, R> R call(
            S stub, BiFunction<? super S, ? super Q, ? extends R> method, Q request) {
        Q keyed = withRequestId(request);
        return call(stub, s -> method.apply(s, keyed));
    }

    /**
     * Calls a server-streaming {@code method} (e.g. {@code ProgramServiceBlockingStub::createEarnCodes})
     * and returns its responses as a {@link Stream}; close it (try-with-resources) to cancel the call
     * if you stop early. An empty request_id is filled once, as {@link #call(AbstractStub, BiFunction,
     * Message)} does; the call is signed like a unary one (the signature covers the one request). It
     * is not retried: after a failure, call again with the same request (same request_id) and the
     * server streams the first answer again. Failures are thrown, while iterating, as
     * {@link RewardsException}. There is no deadline unless {@code stub} has one.
     *
     * <pre>{@code
     * try (Stream<CreateEarnCodesResponse> batches = client.serverStream(client.programs(),
     *         ProgramServiceBlockingStub::createEarnCodes, request)) {
     *     batches.forEach(batch -> print(batch.getCodesList()));
     * }
     * }</pre>
     */
    public <S extends AbstractStub<S>, Q extends Message, R> Stream<R> serverStream(
            S stub, BiFunction<? super S, ? super Q, ? extends Iterator<R>> method, Q request) {
        Objects.requireNonNull(stub, "stub");
        Q keyed = withRequestId(request);
        // The call belongs to this context: cancelling it (on close) cancels the call.
        Context.CancellableContext context = Context.current().withCancellation();
        Iterator<R> responses;
        try {
            responses = context.wrap(() -> method.apply(stub, keyed)).call();
        } catch (Exception e) {
            context.cancel(e);
            throw RewardsException.from(e);
        }
        Iterator<R> translated = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return responses.hasNext();
                } catch (RuntimeException e) {
                    throw RewardsException.from(e);
                }
            }

            @Override
            public R next() {
                try {
                    return responses.next();
                } catch (RuntimeException e) {
                    throw RewardsException.from(e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(translated, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> context.cancel(null));
    }

    /**
     * Calls a bidirectional-streaming {@code method} (e.g. {@code CouponServiceGrpc.getBulkIssueCouponsMethod()}):
     * sends {@code requests} (an empty request_id of each is filled), half-closes, and returns the
     * replies once the server has ended the call. The call is signed when it starts, over an empty
     * body, as the server verifies request streams. It is not retried: to resume, send the
     * unanswered requests again with their request_ids (so set them yourself, e.g. with
     * {@link #withRequestId}). There is no deadline.
     *
     * @throws RewardsException when the call fails
     */
    public <Q extends Message, R> List<R> exchange(MethodDescriptor<Q, R> method, List<Q> requests) {
        Objects.requireNonNull(method, "method");
        List<R> replies = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<List<R>> done = new CompletableFuture<>();
        ClientCall<Q, R> call = signed.newCall(method, CallOptions.DEFAULT);
        StreamObserver<Q> sending = ClientCalls.asyncBidiStreamingCall(call, new StreamObserver<>() {
            @Override
            public void onNext(R reply) {
                replies.add(reply);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                done.complete(List.copyOf(replies));
            }
        });
        try {
            requests.forEach(request -> sending.onNext(withRequestId(request)));
            sending.onCompleted();
            return done.get();
        } catch (ExecutionException e) {
            throw RewardsException.from(e.getCause());
        } catch (InterruptedException e) {
            call.cancel("interrupted", e);
            Thread.currentThread().interrupt();
            throw RewardsException.from(Status.CANCELLED.withCause(e).asRuntimeException());
        } catch (RuntimeException e) {
            call.cancel("failed to send", e);
            throw RewardsException.from(e);
        }
    }

    /** {@code request} with a new request_id if it has an empty one; otherwise {@code request}. */
    @SuppressWarnings("unchecked")
    public static <Q extends Message> Q withRequestId(Q request) {
        FieldDescriptor field = request.getDescriptorForType().findFieldByName("request_id");
        if (field == null || field.getJavaType() != FieldDescriptor.JavaType.STRING
                || !((String) request.getField(field)).isEmpty()) {
            return request;
        }
        return (Q) request.toBuilder().setField(field, newRequestId()).build();
    }

    /** The attempt's deadline ran out while it waited for an access token: its time is spent. */
    private static boolean waitedForToken(Throwable t) {
        Metadata trailers = Status.trailersFromThrowable(t);
        return trailers != null && trailers.containsKey(TokenSource.TOKEN_WAIT_TRAILER);
    }

    static boolean isRetryable(Status.Code code) {
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
    }

    /** Full jitter: uniform in [0, min(cap, base * 2^(attempt-1))], at least the server's RetryInfo delay. */
    Duration backoff(int attempt, RewardsException error) {
        long ceiling = Math.min(options.backoffMax.toNanos(),
                options.backoffBase.toNanos() << Math.min(attempt - 1, 30));
        long jitter = ceiling > 0 ? ThreadLocalRandom.current().nextLong(ceiling + 1) : 0;
        long floor = error.retryDelay().map(d -> Math.min(d.toNanos(), options.backoffMax.toNanos())).orElse(0L);
        return Duration.ofNanos(Math.max(jitter, floor));
    }

    public AuthServiceGrpc.AuthServiceBlockingStub auth() {
        return auth;
    }

    public AccountServiceGrpc.AccountServiceBlockingStub accounts() {
        return accounts;
    }

    public OfferServiceGrpc.OfferServiceBlockingStub offers() {
        return offers;
    }

    public CouponServiceGrpc.CouponServiceBlockingStub coupons() {
        return coupons;
    }

    public ProgramServiceGrpc.ProgramServiceBlockingStub programs() {
        return programs;
    }

    public LoyaltyServiceGrpc.LoyaltyServiceBlockingStub loyalty() {
        return loyalty;
    }

    public CheckoutServiceGrpc.CheckoutServiceBlockingStub checkout() {
        return checkout;
    }

    /** The client's token pair. */
    public TokenSource tokens() {
        return tokens;
    }

    /** The underlying channel, without the token and signing interceptor. */
    public ManagedChannel channel() {
        return channel;
    }

    /** Shuts the channel down, waiting up to 5 s for calls in flight. */
    @Override
    public void close() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private record Options(Duration attemptTimeout, int maxAttempts, Duration backoffBase, Duration backoffMax,
                           Duration refreshMargin, Duration tokenTimeout, Clock clock) {}

    /** Options of a {@link RewardsClient}; the defaults suit a checkout. */
    public static final class Builder {
        private final String target;
        private final Credentials credentials;
        private ChannelCredentials channelCredentials = InsecureChannelCredentials.create();
        private Duration attemptTimeout = Duration.ofSeconds(5);
        private int maxAttempts = 5;
        private Duration backoffBase = Duration.ofMillis(50);
        private Duration backoffMax = Duration.ofSeconds(2);
        private Duration refreshMargin = TokenSource.DEFAULT_REFRESH_MARGIN;
        private Duration tokenTimeout = TokenSource.DEFAULT_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder(String target, Credentials credentials) {
            this.target = Objects.requireNonNull(target, "target");
            this.credentials = Objects.requireNonNull(credentials, "credentials");
        }

        /** TLS or mTLS, e.g. {@code TlsChannelCredentials.create()}; default plaintext. */
        public Builder channelCredentials(ChannelCredentials channelCredentials) {
            this.channelCredentials = Objects.requireNonNull(channelCredentials);
            return this;
        }

        /** Deadline of each attempt of {@link RewardsClient#call}; default 5 s. */
        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = positive(attemptTimeout, "attemptTimeout");
            return this;
        }

        /** Attempts of {@link RewardsClient#call}, including the first; default 5. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Backoff before the second attempt (doubling after each); default 50 ms, at most {@code max}, default 2 s. */
        public Builder backoff(Duration base, Duration max) {
            this.backoffBase = Objects.requireNonNull(base, "base");
            this.backoffMax = Objects.requireNonNull(max, "max");
            return this;
        }

        /** How long before expiry tokens are renewed; default 60 s. */
        public Builder refreshMargin(Duration refreshMargin) {
            this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
            return this;
        }

        /**
         * Ceiling of one token fetch (RefreshToken / IssueToken), shared by the calls that wait for
         * it; each waits at most until its own deadline. Default 10 s.
         */
        public Builder tokenTimeout(Duration tokenTimeout) {
            this.tokenTimeout = positive(tokenTimeout, "tokenTimeout");
            return this;
        }

        /** The clock for token expiry and signature timestamps; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public RewardsClient build() {
            ManagedChannel channel = Grpc.newChannelBuilder(target, channelCredentials).build();
            return new RewardsClient(channel, credentials, new Options(attemptTimeout, maxAttempts, backoffBase,
                    backoffMax, refreshMargin, tokenTimeout, clock));
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
