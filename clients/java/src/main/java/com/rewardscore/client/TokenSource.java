package com.rewardscore.client;

import com.google.protobuf.Timestamp;
import com.rewardscore.rewards.auth.v1.AuthServiceGrpc;
import com.rewardscore.rewards.auth.v1.IssueTokenRequest;
import com.rewardscore.rewards.auth.v1.IssueTokenResponse;
import com.rewardscore.rewards.auth.v1.RefreshTokenRequest;
import com.rewardscore.rewards.auth.v1.RefreshTokenResponse;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The client's current token pair. {@link #accessToken()} returns a token valid for at least the
 * refresh margin (60 s by default); otherwise it renews the pair first, by RefreshToken (refresh
 * tokens rotate: each use returns a new one), falling back to IssueToken when the refresh token
 * is expiring or the server refuses it (UNAUTHENTICATED). Thread-safe: readers never block while
 * the pair is fresh, and one thread at a time renews it.
 */
public final class TokenSource {
    /** Tokens are renewed this long before they expire, so a call never carries an expiring one. */
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofSeconds(60);

    /** A token pair and when each token expires. */
    record TokenPair(String accessToken, Instant accessExpireTime, String refreshToken, Instant refreshExpireTime) {}

    private final AuthServiceGrpc.AuthServiceBlockingStub auth;
    private final Credentials credentials;
    private final Clock clock;
    private final Duration timeout;
    private final ReentrantLock renewal = new ReentrantLock();
    private volatile Duration refreshMargin;
    private volatile TokenPair pair;
    final AtomicInteger issueCount = new AtomicInteger();
    final AtomicInteger refreshCount = new AtomicInteger();

    /**
     * @param channel a channel to the server; AuthService.IssueToken/RefreshToken need no token
     * @param timeout deadline of each IssueToken / RefreshToken call
     */
    public TokenSource(Channel channel, Credentials credentials, Duration refreshMargin, Duration timeout, Clock clock) {
        this.auth = AuthServiceGrpc.newBlockingStub(channel);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public TokenSource(Channel channel, Credentials credentials) {
        this(channel, credentials, DEFAULT_REFRESH_MARGIN, Duration.ofSeconds(10), Clock.systemUTC());
    }

    /**
     * An access token valid for at least the refresh margin, renewing the pair first if needed.
     *
     * @throws StatusRuntimeException when the renewal fails (e.g. UNAVAILABLE, or UNAUTHENTICATED
     *     CLIENT_CREDENTIALS_INVALID); the caller's call then fails with the same status
     */
    public String accessToken() {
        TokenPair current = pair;
        if (fresh(current)) {
            return current.accessToken();
        }
        renewal.lock();
        try {
            current = pair;
            if (!fresh(current)) {
                current = renew(current);
                pair = current;
            }
            return current.accessToken();
        } finally {
            renewal.unlock();
        }
    }

    /** Drops the current pair: the next call issues a new one (e.g. after the client was re-enabled). */
    public void invalidate() {
        renewal.lock();
        try {
            pair = null;
        } finally {
            renewal.unlock();
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

    private boolean fresh(TokenPair p) {
        return p != null && clock.instant().isBefore(p.accessExpireTime().minus(refreshMargin));
    }

    private TokenPair renew(TokenPair old) {
        if (old != null && clock.instant().isBefore(old.refreshExpireTime().minus(refreshMargin))) {
            try {
                RefreshTokenResponse r = auth.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .refreshToken(RefreshTokenRequest.newBuilder()
                                .setRequestId(RewardsClient.newRequestId())
                                .setRefreshToken(old.refreshToken())
                                .build());
                refreshCount.incrementAndGet();
                return new TokenPair(r.getAccessToken(), instant(r.getAccessTokenExpireTime()),
                        r.getRefreshToken(), instant(r.getRefreshTokenExpireTime()));
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.UNAUTHENTICATED) {
                    throw e;
                }
                // Expired, revoked or reused refresh token: start a new family below.
            }
        }
        IssueTokenResponse r = auth.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .issueToken(IssueTokenRequest.newBuilder()
                        .setOrgId(credentials.orgId())
                        .setClientId(credentials.clientId())
                        .setClientSecret(credentials.clientSecret())
                        .build());
        issueCount.incrementAndGet();
        return new TokenPair(r.getAccessToken(), instant(r.getAccessTokenExpireTime()),
                r.getRefreshToken(), instant(r.getRefreshTokenExpireTime()));
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
