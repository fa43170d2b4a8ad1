package com.rewardscore.client;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A failed rewards-core call. Every server error is a google.rpc.Status carrying one
 * {@link ErrorInfo}: {@link #reason()} (stable, UPPER_SNAKE_CASE, e.g. "ACCOUNT_NOT_FOUND"),
 * {@link #domain()} ("rewards.&lt;context&gt;") and {@link #metadata()}; transient failures may add
 * a {@link RetryInfo} ({@link #retryDelay()}). Switch on {@code reason()} for precise handling.
 * Errors that did not come from the server (e.g. no connection) have a code but no reason.
 */
public final class RewardsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    private final transient Status status;
    private final String reason;
    private final String domain;
    private final Map<String, String> metadata;
    private final Duration retryDelay;
    private final String requestId;

    private RewardsException(Status status, String reason, String domain, Map<String, String> metadata,
                             Duration retryDelay, String requestId, Throwable cause) {
        super(message(status, reason), cause);
        this.status = status;
        this.reason = reason;
        this.domain = domain;
        this.metadata = Map.copyOf(metadata);
        this.retryDelay = retryDelay;
        this.requestId = requestId;
    }

    /** The RewardsException for a failed call (a StatusRuntimeException / StatusException, or any throwable). */
    public static RewardsException from(Throwable t) {
        if (t instanceof RewardsException e) {
            return e;
        }
        Status status = Status.fromThrowable(t);
        String reason = null;
        String domain = null;
        Map<String, String> metadata = Map.of();
        Duration retryDelay = null;
        com.google.rpc.Status details = StatusProto.fromThrowable(t);
        if (details != null) {
            for (Any detail : details.getDetailsList()) {
                try {
                    if (detail.is(ErrorInfo.class)) {
                        ErrorInfo info = detail.unpack(ErrorInfo.class);
                        reason = info.getReason();
                        domain = info.getDomain();
                        metadata = info.getMetadataMap();
                    } else if (detail.is(RetryInfo.class)) {
                        com.google.protobuf.Duration d = detail.unpack(RetryInfo.class).getRetryDelay();
                        retryDelay = Duration.ofSeconds(d.getSeconds(), d.getNanos());
                    }
                } catch (InvalidProtocolBufferException ignored) {
                    // A malformed detail: keep what could be read.
                }
            }
        }
        Metadata trailers = Status.trailersFromThrowable(t);
        String requestId = trailers != null ? trailers.get(REQUEST_ID) : null;
        return new RewardsException(status, reason, domain, metadata, retryDelay, requestId, t);
    }

    /** The gRPC status code. */
    public Status.Code code() {
        return status.getCode();
    }

    /** The gRPC status, with the server's description. */
    public Status status() {
        return status;
    }

    /** ErrorInfo.reason, e.g. "REDEMPTION_LIMIT_REACHED"; null when the error has no ErrorInfo. */
    public String reason() {
        return reason;
    }

    /** ErrorInfo.domain, e.g. "rewards.coupons"; null when the error has no ErrorInfo. */
    public String domain() {
        return domain;
    }

    /** ErrorInfo.metadata, e.g. {"field": "program_id"}; empty when none. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** RetryInfo.retry_delay: how long the server suggests waiting before a retry. */
    public Optional<Duration> retryDelay() {
        return Optional.ofNullable(retryDelay);
    }

    /** The server's id of the failed request (trailer x-request-id), for support; may be null. */
    public String requestId() {
        return requestId;
    }

    /** True for UNAVAILABLE and DEADLINE_EXCEEDED: retry with the same request_id. */
    public boolean isRetryable() {
        return RewardsClient.isRetryable(status.getCode());
    }

    private static String message(Status status, String reason) {
        String description = status.getDescription();
        return status.getCode() + (reason != null ? " " + reason : "") + (description != null ? ": " + description : "");
    }
}
