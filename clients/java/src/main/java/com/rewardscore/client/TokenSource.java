package com.rewardscore.client;

import com.google.protobuf.Timestamp;
import com.rewardscore.rewards.auth.v1.AuthServiceGrpc;
import com.rewardscore.rewards.auth.v1.IssueTokenRequest;
import com.rewardscore.rewards.auth.v1.IssueTokenResponse;
import com.rewardscore.rewards.auth.v1.RefreshTokenRequest;
import com.rewardscore.rewards.auth.v1.RefreshTokenResponse;
import io.grpc.Channel;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client's current token pair. {@link #accessToken(Deadline)} returns a valid access token;
 * when there is none it fetches a pair, by RefreshToken (refresh tokens rotate: each use returns a
 * new one), falling back to IssueToken when the refresh token is expiring or the server refuses it
 * (UNAUTHENTICATED).
 *
 * <p>Thread-safe, and no lock is held across a network call. One fetch runs at a time, shared by
 * every caller that needs it (single flight), bounded by the token timeout (default 10 s) whoever
 * waits for it. Each caller waits for it at most until its own deadline, then fails with
 * DEADLINE_EXCEEDED while the fetch goes on for the others. A failed fetch fails only the callers
 * waiting for it; the next caller starts a new one. While the current access token is valid,
 * callers never wait: within the refresh margin it is renewed in the background.
 */
public final class TokenSource {
    /** Tokens are renewed this long before they expire, so a call never carries an expiring one. */
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofSeconds(60);

    /** Default ceiling of one token fetch. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Trailer on the DEADLINE_EXCEEDED status of a call whose deadline ran out while it waited for
     * an access token (the status never came from the server); {@link RewardsClient#call} does not
     * retry such a failure.
     */
    public static final Metadata.Key<String> TOKEN_WAIT_TRAILER =
            Metadata.Key.of("x-rewards-client-token-wait", Metadata.ASCII_STRING_MARSHALLER);

    /** A token pair and when each token expires. */
    record TokenPair(String accessToken, Instant accessExpireTime, String refreshToken, Instant refreshExpireTime) {}

    private final AuthServiceGrpc.AuthServiceStub auth;
    private final Credentials credentials;
    private final Clock clock;
    private final Duration timeout;
    private final Object lock = new Object(); // guards inflight; never held across a call
    private CompletableFuture<TokenPair> inflight;
    private volatile Instant aheadNotBefore = Instant.MIN;
    private volatile Duration refreshMargin;
    private volatile TokenPair pair;
    final AtomicInteger issueCount = new AtomicInteger();
    final AtomicInteger refreshCount = new AtomicInteger();
    final AtomicInteger fetchCount = new AtomicInteger();

    /**
     * @param channel a channel to the server; AuthService.IssueToken/RefreshToken need no token
     * @param timeout ceiling of one token fetch (RefreshToken and IssueToken together)
     */
    public TokenSource(Channel channel, Credentials credentials, Duration refreshMargin, Duration timeout, Clock clock) {
        this.auth = AuthServiceGrpc.newStub(channel);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public TokenSource(Channel channel, Credentials credentials) {
        this(channel, credentials, DEFAULT_REFRESH_MARGIN, DEFAULT_TIMEOUT, Clock.systemUTC());
    }

    /** {@link #accessToken(Deadline)} without a deadline of the caller's: bounded by the token timeout. */
    public String accessToken() {
        return accessToken(null);
    }

    /**
     * A valid access token: the current one at once, else the result of the fetch in progress
     * (started if there is none), waited for at most until {@code deadline} (null: no deadline of
     * the caller's; the fetch has its own ceiling).
     *
     * @throws StatusRuntimeException DEADLINE_EXCEEDED (with {@link #TOKEN_WAIT_TRAILER}) when the
     *     deadline runs out first, or the fetch's failure (e.g. UNAVAILABLE, or UNAUTHENTICATED
     *     CLIENT_CREDENTIALS_INVALID); the caller's call then fails with that status
     */
    public String accessToken(Deadline deadline) {
        TokenPair current = pair;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.accessExpireTime())) {
            if (!now.isBefore(current.accessExpireTime().minus(refreshMargin)) && !now.isBefore(aheadNotBefore)) {
                start(true); // renew ahead of expiry in the background
            }
            return current.accessToken();
        }
        CompletableFuture<TokenPair> fetch = start(false);
        try {
            if (deadline == null) {
                return fetch.get().accessToken();
            }
            return fetch.get(Math.max(0, deadline.timeRemaining(TimeUnit.NANOSECONDS)), TimeUnit.NANOSECONDS).accessToken();
        } catch (TimeoutException e) {
            Metadata trailers = new Metadata();
            trailers.put(TOKEN_WAIT_TRAILER, "deadline-exceeded");
            throw Status.DEADLINE_EXCEEDED.withDescription("Deadline exceeded while waiting for an access token")
                    .asRuntimeException(trailers);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StatusRuntimeException sre) {
                throw new StatusRuntimeException(sre.getStatus(), sre.getTrailers());
            }
            throw Status.fromThrowable(cause).asRuntimeException(Status.trailersFromThrowable(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.withDescription("Interrupted while waiting for an access token").withCause(e)
                    .asRuntimeException();
        }
    }

    /** Drops the current pair: the next call issues a new one (e.g. after the client was re-enabled). */
    public void invalidate() {
        pair = null;
    }

    /** Waits up to {@code timeout} for the fetch in progress, if any, to end (its failure is not thrown). */
    public void awaitRenewal(Duration timeout) throws InterruptedException {
        CompletableFuture<TokenPair> fetch;
        synchronized (lock) {
            fetch = inflight;
        }
        if (fetch == null) {
            return;
        }
        try {
            fetch.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The fetch failed or is still running: the caller looks at the state it needs.
        }
    }

    public Duration refreshMargin() {
        return refreshMargin;
    }

    /** Changes the margin; a larger one makes the current token count as expiring sooner. */
    public void setRefreshMargin(Duration refreshMargin) {
        this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
    }

    /** The current pair, or null before the first call (for tests). */
    TokenPair current() {
        return pair;
    }

    /** The fetch in progress, started if there is none. */
    private CompletableFuture<TokenPair> start(boolean ahead) {
        CompletableFuture<TokenPair> fetch;
        synchronized (lock) {
            if (inflight != null) {
                return inflight;
            }
            fetch = new CompletableFuture<>();
            inflight = fetch;
        }
        fetchCount.incrementAndGet();
        Deadline deadline = Deadline.after(timeout.toNanos(), TimeUnit.NANOSECONDS);
        TokenPair old = pair;
        CompletableFuture<TokenPair> result;
        try {
            result = renew(old, deadline);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((renewed, failure) -> {
            Throwable error = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (error == null) {
                pair = renewed;
                aheadNotBefore = Instant.MIN;
            } else if (ahead) {
                aheadNotBefore = clock.instant().plusSeconds(1);
            }
            synchronized (lock) {
                inflight = null;
            }
            if (error == null) {
                fetch.complete(renewed);
            } else {
                fetch.completeExceptionally(error);
            }
        });
        return fetch;
    }

    private CompletableFuture<TokenPair> renew(TokenPair old, Deadline deadline) {
        if (old != null && clock.instant().isBefore(old.refreshExpireTime().minus(refreshMargin))) {
            CompletableFuture<RefreshTokenResponse> refreshed = new CompletableFuture<>();
            auth.withDeadline(deadline).refreshToken(RefreshTokenRequest.newBuilder()
                    .setRequestId(RewardsClient.newRequestId())
                    .setRefreshToken(old.refreshToken())
                    .build(), observer(refreshed));
            return refreshed.handle((r, error) -> {
                if (error == null) {
                    refreshCount.incrementAndGet();
                    return CompletableFuture.completedFuture(new TokenPair(r.getAccessToken(),
                            instant(r.getAccessTokenExpireTime()), r.getRefreshToken(), instant(r.getRefreshTokenExpireTime())));
                }
                if (Status.fromThrowable(error).getCode() != Status.Code.UNAUTHENTICATED) {
                    return CompletableFuture.<TokenPair>failedFuture(error);
                }
                // Expired, revoked or reused refresh token: start a new family.
                return issue(deadline);
            }).thenCompose(f -> f);
        }
        return issue(deadline);
    }

    private CompletableFuture<TokenPair> issue(Deadline deadline) {
        CompletableFuture<IssueTokenResponse> issued = new CompletableFuture<>();
        auth.withDeadline(deadline).issueToken(IssueTokenRequest.newBuilder()
                .setOrgId(credentials.orgId())
                .setClientId(credentials.clientId())
                .setClientSecret(credentials.clientSecret())
                .build(), observer(issued));
        return issued.thenApply(r -> {
            issueCount.incrementAndGet();
            return new TokenPair(r.getAccessToken(), instant(r.getAccessTokenExpireTime()),
                    r.getRefreshToken(), instant(r.getRefreshTokenExpireTime()));
        });
    }

    private static <T> StreamObserver<T> observer(CompletableFuture<T> future) {
        return new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                future.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                future.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                if (!future.isDone()) {
                    future.completeExceptionally(Status.INTERNAL.withDescription("no response").asRuntimeException());
                }
            }
        };
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
