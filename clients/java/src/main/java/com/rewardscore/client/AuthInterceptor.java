package com.rewardscore.client;

import com.google.protobuf.MessageLite;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Adds {@code authorization: Bearer <access token>} and the request signature
 * ({@link RequestSigning}) to every call except AuthService.IssueToken / RefreshToken.
 *
 * <p>Headers go out when a call starts, but the signature covers the request bytes, which a
 * {@link ClientCall} only sees later in {@code sendMessage}. So for calls with one request
 * message (unary and server-streaming) the interceptor holds back {@code start} until the message
 * arrives, serializes it as the marshaller will, signs it and only then starts the real call. Each
 * call, and so each retry, gets a fresh nonce and timestamp. Client- and bidi-streaming calls are
 * signed when they start, over an empty body, as the server verifies them (their messages are not
 * known yet).
 *
 * <p>A call that needs a token waits for the {@link TokenSource}'s shared fetch on the thread that
 * sends the message, at most until the call's deadline (the earlier of its CallOptions and its
 * Context deadline): then it fails with DEADLINE_EXCEEDED, which {@link RewardsClient#call} does
 * not retry. If the fetch fails, the call fails with the fetch's status (e.g. UNAVAILABLE, which
 * {@link RewardsClient#call} retries).
 */
public final class AuthInterceptor implements ClientInterceptor {
    /** Methods called without a token or signature. */
    public static final Set<String> PUBLIC_METHODS = Set.of(
            "rewards.auth.v1.AuthService/IssueToken", "rewards.auth.v1.AuthService/RefreshToken");

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> TIMESTAMP = Metadata.Key.of(RequestSigning.TIMESTAMP_HEADER, Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> NONCE = Metadata.Key.of(RequestSigning.NONCE_HEADER, Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> SIGNATURE = Metadata.Key.of(RequestSigning.SIGNATURE_HEADER, Metadata.ASCII_STRING_MARSHALLER);

    /** What a request stream is signed over. */
    private static final byte[] EMPTY_BODY = new byte[0];

    private final TokenSource tokens;
    private final byte[] signingKey;
    private final Clock clock;

    /** @param signingKey {@link RequestSigning#signingKey} of the client secret */
    public AuthInterceptor(TokenSource tokens, byte[] signingKey, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.signingKey = signingKey.clone();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public AuthInterceptor(TokenSource tokens, byte[] signingKey) {
        this(tokens, signingKey, Clock.systemUTC());
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
            MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
        if (PUBLIC_METHODS.contains(method.getFullMethodName())) {
            return next.newCall(method, callOptions);
        }
        Deadline deadline = earliest(callOptions.getDeadline(), Context.current().getDeadline());
        if (!method.getType().clientSendsOneMessage()) {
            return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, callOptions)) {
                @Override
                public void start(Listener<RespT> listener, Metadata headers) {
                    addHeaders(headers, method.getFullMethodName(), EMPTY_BODY, deadline);
                    super.start(listener, headers);
                }
            };
        }
        return new SigningCall<>(next.newCall(method, callOptions), method, callOptions.getExecutor(), deadline);
    }

    private static Deadline earliest(Deadline a, Deadline b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.minimum(b);
    }

    /** Headers for one attempt: the token (waited for at most until {@code deadline}) and the signature of {@code body}. */
    void addHeaders(Metadata headers, String fullMethodName, byte[] body, Deadline deadline) {
        String token = tokens.accessToken(deadline);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = RequestSigning.newNonce();
        headers.put(AUTHORIZATION, "Bearer " + token);
        headers.put(TIMESTAMP, timestamp);
        headers.put(NONCE, nonce);
        headers.put(SIGNATURE, RequestSigning.sign(signingKey, "/" + fullMethodName, timestamp, nonce, body));
    }

    /**
     * A call whose start is deferred to its first message. Apart from {@code cancel}, a ClientCall
     * is used by one thread at a time; the lock orders start against a concurrent cancel, and is
     * never held while the token is fetched.
     */
    private final class SigningCall<ReqT, RespT> extends ClientCall<ReqT, RespT> {
        private final ClientCall<ReqT, RespT> delegate;
        private final MethodDescriptor<ReqT, RespT> method;
        private final Executor callExecutor;
        private final Deadline deadline;
        private Listener<RespT> listener;
        private Metadata headers;
        private int pendingRequests;
        private Boolean messageCompression;
        private boolean started;
        private boolean closed; // Failed or cancelled before it started: the listener got onClose.

        SigningCall(ClientCall<ReqT, RespT> delegate, MethodDescriptor<ReqT, RespT> method, Executor callExecutor,
                    Deadline deadline) {
            this.delegate = delegate;
            this.method = method;
            this.callExecutor = callExecutor;
            this.deadline = deadline;
        }

        @Override
        public void start(Listener<RespT> responseListener, Metadata headers) {
            this.listener = Objects.requireNonNull(responseListener, "responseListener");
            this.headers = Objects.requireNonNull(headers, "headers");
        }

        @Override
        public void request(int numMessages) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (!started) {
                    pendingRequests += numMessages;
                    return;
                }
            }
            delegate.request(numMessages);
        }

        @Override
        public void setMessageCompression(boolean enabled) {
            synchronized (this) {
                if (!started) {
                    messageCompression = enabled;
                    return;
                }
            }
            delegate.setMessageCompression(enabled);
        }

        @Override
        public boolean isReady() {
            synchronized (this) {
                if (!started) {
                    return false;
                }
            }
            return delegate.isReady();
        }

        @Override
        public void sendMessage(ReqT message) {
            boolean mustStart;
            synchronized (this) {
                if (closed) {
                    return;
                }
                mustStart = !started;
            }
            if (mustStart) {
                Metadata signed = new Metadata();
                signed.merge(headers);
                try {
                    addHeaders(signed, method.getFullMethodName(), serialize(message), deadline);
                } catch (RuntimeException e) {
                    closeUnstarted(Status.fromThrowable(e), Status.trailersFromThrowable(e));
                    return;
                }
                synchronized (this) {
                    if (closed) {
                        return; // Cancelled while the token was fetched.
                    }
                    startDelegate(signed);
                }
            }
            delegate.sendMessage(message);
        }

        @Override
        public void halfClose() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (!started) {
                    startDelegate(headers); // No message: unsigned, so the server refuses it.
                }
            }
            delegate.halfClose();
        }

        @Override
        public void cancel(String message, Throwable cause) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (!started) {
                    if (listener != null) {
                        Status status = Status.CANCELLED;
                        if (message != null) {
                            status = status.withDescription(message);
                        }
                        if (cause != null) {
                            status = status.withCause(cause);
                        }
                        closeUnstarted(status, new Metadata());
                        return;
                    }
                    closed = true; // Cancelled before start: nobody to tell.
                }
            }
            delegate.cancel(message, cause);
        }

        private void startDelegate(Metadata startHeaders) {
            started = true;
            delegate.start(listener, startHeaders);
            if (messageCompression != null) {
                delegate.setMessageCompression(messageCompression);
            }
            if (pendingRequests > 0) {
                delegate.request(pendingRequests);
            }
        }

        /** Closes a call that never started, on the call's executor like any listener event. */
        private void closeUnstarted(Status status, Metadata trailers) {
            synchronized (this) {
                if (closed || started) {
                    return;
                }
                closed = true;
            }
            Listener<RespT> l = listener;
            Metadata t = trailers != null ? trailers : new Metadata();
            Runnable close = () -> l.onClose(status, t);
            if (callExecutor != null) {
                callExecutor.execute(close);
            } else {
                close.run();
            }
        }

        private byte[] serialize(ReqT message) {
            if (message instanceof MessageLite lite) {
                return lite.toByteArray();
            }
            try (InputStream stream = method.streamRequest(message)) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
