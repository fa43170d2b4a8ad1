package rewardsclient

import (
	"context"
	"crypto/rand"
	"fmt"
	mathrand "math/rand/v2"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// RetryPolicy says how a call is retried on UNAVAILABLE and DEADLINE_EXCEEDED.
type RetryPolicy struct {
	// MaxAttempts is the number of attempts in all, including the first (1: no retry).
	MaxAttempts int
	// BaseDelay is the backoff ceiling of the first retry; it doubles per retry up to MaxDelay.
	// The actual wait is uniformly random in [0, ceiling) ("full jitter"), and at least the
	// RetryInfo delay the server sent.
	BaseDelay time.Duration
	// MaxDelay caps the backoff ceiling.
	MaxDelay time.Duration
	// AttemptTimeout bounds each attempt (0: only the caller's context bounds it). An attempt
	// that runs out is DEADLINE_EXCEEDED and is retried while the caller's context allows.
	AttemptTimeout time.Duration
}

// DefaultRetryPolicy: 5 attempts, backoff 50 ms doubling to at most 2 s, 5 s per attempt.
var DefaultRetryPolicy = RetryPolicy{MaxAttempts: 5, BaseDelay: 50 * time.Millisecond,
	MaxDelay: 2 * time.Second, AttemptTimeout: 5 * time.Second}

// Backoff returns the wait before retry number `retry` (1 for the first retry): uniformly
// random in [0, min(MaxDelay, BaseDelay * 2^(retry-1))).
func (p RetryPolicy) Backoff(retry int) time.Duration {
	ceiling := p.BaseDelay
	for i := 1; i < retry && ceiling < p.MaxDelay; i++ {
		ceiling *= 2
	}
	if ceiling > p.MaxDelay {
		ceiling = p.MaxDelay
	}
	if ceiling <= 0 {
		return 0
	}
	return time.Duration(mathrand.Int64N(int64(ceiling)))
}

// Retryable reports whether a call that failed with code may be retried with the same
// request_id: UNAVAILABLE and DEADLINE_EXCEEDED only.
func Retryable(code codes.Code) bool {
	return code == codes.Unavailable || code == codes.DeadlineExceeded
}

// NewRequestID returns a fresh idempotency key: a random (version 4) UUID.
func NewRequestID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("rewardsclient: crypto/rand failed: %v", err))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// EnsureRequestID sets the request_id field of msg to NewRequestID() when msg has such a field
// and it is empty, and returns the request_id ("" when msg has no request_id field).
func EnsureRequestID(msg proto.Message) string {
	m := msg.ProtoReflect()
	field := m.Descriptor().Fields().ByName("request_id")
	if field == nil || field.Kind() != protoreflect.StringKind || field.Cardinality() == protoreflect.Repeated {
		return ""
	}
	if id := m.Get(field).String(); id != "" {
		return id
	}
	id := NewRequestID()
	m.Set(field, protoreflect.ValueOfString(id))
	return id
}

type noRetryOption struct{ grpc.EmptyCallOption }

// NoRetry is a call option that makes the Client's retry interceptor make exactly one attempt
// (errors are still returned as *Error, and an empty request_id is still filled).
func NoRetry() grpc.CallOption { return noRetryOption{} }

type tokenFetchOption struct{ grpc.EmptyCallOption }

// tokenFetch marks the TokenSource's own IssueToken / RefreshToken calls: one attempt, bounded
// by the token timeout alone (not by the policy's AttemptTimeout).
func tokenFetch() grpc.CallOption { return tokenFetchOption{} }

// UnaryRetryInterceptor fills an empty request_id once per call, retries UNAVAILABLE and
// DEADLINE_EXCEEDED by policy with that same request_id, and returns failures as *Error. Put it
// first (outermost) in the chain so every attempt is authenticated and signed anew.
func UnaryRetryInterceptor(policy RetryPolicy) grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn,
		invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		attempts, attemptTimeout := policy.MaxAttempts, policy.AttemptTimeout
		for _, opt := range opts {
			switch opt.(type) {
			case noRetryOption:
				attempts = 1
			case tokenFetchOption:
				attempts, attemptTimeout = 1, 0
			}
		}
		if attempts < 1 {
			attempts = 1
		}
		if msg, ok := req.(proto.Message); ok {
			EnsureRequestID(msg)
		}
		for attempt := 1; ; attempt++ {
			var trailer metadata.MD
			callOpts := make([]grpc.CallOption, 0, len(opts)+1)
			callOpts = append(callOpts, opts...)
			callOpts = append(callOpts, grpc.Trailer(&trailer))
			attemptCtx, cancel := ctx, context.CancelFunc(func() {})
			if attemptTimeout > 0 {
				attemptCtx, cancel = context.WithTimeout(ctx, attemptTimeout)
			}
			err := invoker(attemptCtx, method, req, reply, cc, callOpts...)
			cancel()
			if err == nil {
				return nil
			}
			rerr := fromError(err, trailer)
			if !Retryable(rerr.Code) || attempt >= attempts || ctx.Err() != nil {
				return rerr
			}
			wait := policy.Backoff(attempt)
			if rerr.RetryDelay > wait {
				wait = rerr.RetryDelay
			}
			timer := time.NewTimer(wait)
			select {
			case <-timer.C:
			case <-ctx.Done():
				timer.Stop()
				return rerr
			}
		}
	}
}
