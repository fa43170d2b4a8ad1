package rewardsclient

import (
	"context"
	"errors"
	"fmt"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// Error is a failed rewards-core call. The server sends every error as a google.rpc.Status
// with one ErrorInfo (Reason, Domain, Metadata); transient ones also carry a RetryInfo
// (RetryDelay). Switch on Reason (stable, UPPER_SNAKE_CASE) for precise handling:
//
//	var rerr *rewardsclient.Error
//	if errors.As(err, &rerr) && rerr.Reason == "REDEMPTION_LIMIT_REACHED" { ... }
//
// or simply rewardsclient.ReasonOf(err).
type Error struct {
	// Code is the gRPC status code.
	Code codes.Code
	// Message is the status message (for people, not for matching).
	Message string
	// Reason is the ErrorInfo reason, e.g. "ACCOUNT_NOT_FOUND"; empty when the server sent none
	// (e.g. a transport failure).
	Reason string
	// Domain is the ErrorInfo domain, e.g. "rewards.coupons".
	Domain string
	// Metadata is the ErrorInfo metadata, e.g. {"field": "account_id"}. Never nil.
	Metadata map[string]string
	// RetryDelay is the RetryInfo delay the server suggests; zero when it sent none.
	RetryDelay time.Duration
	// RequestID is the server's log correlation id (the x-request-id trailer), when known.
	// Not the request_id field of the request.
	RequestID string

	status *status.Status
	cause  error
}

// Error implements error: "REASON: message" (or the code name when there is no reason).
func (e *Error) Error() string {
	label := e.Reason
	if label == "" {
		label = e.Code.String()
	}
	if e.Message == "" {
		return "rewards: " + label
	}
	return fmt.Sprintf("rewards: %s: %s", label, e.Message)
}

// GRPCStatus returns the original status, so status.FromError and status.Code keep working.
func (e *Error) GRPCStatus() *status.Status { return e.status }

// Unwrap returns the underlying non-gRPC error (e.g. context.Canceled), if any.
func (e *Error) Unwrap() error { return e.cause }

// Retryable reports whether trying again later can succeed: UNAVAILABLE, or any error for
// which the server sent a RetryInfo (e.g. RESOURCE_EXHAUSTED / RATE_LIMITED).
func (e *Error) Retryable() bool { return e.Code == codes.Unavailable || e.RetryDelay > 0 }

// FromError converts any error of a gRPC call into a *Error (nil for nil). An error that is
// or wraps a *Error is returned as that *Error.
func FromError(err error) *Error {
	return fromError(err, nil)
}

func fromError(err error, trailer metadata.MD) *Error {
	if err == nil {
		return nil
	}
	var rerr *Error
	if errors.As(err, &rerr) {
		return rerr
	}
	st, ok := status.FromError(err)
	var cause error
	if !ok {
		// Not a status error: a context error or a client-side failure.
		cause = err
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			st = status.FromContextError(err)
		}
	}
	e := &Error{Code: st.Code(), Message: st.Message(), Metadata: map[string]string{}, status: st, cause: cause}
	for _, detail := range st.Details() {
		switch d := detail.(type) {
		case *errdetails.ErrorInfo:
			e.Reason, e.Domain = d.GetReason(), d.GetDomain()
			for k, v := range d.GetMetadata() {
				e.Metadata[k] = v
			}
		case *errdetails.RetryInfo:
			e.RetryDelay = d.GetRetryDelay().AsDuration()
		}
	}
	if ids := trailer.Get("x-request-id"); len(ids) > 0 {
		e.RequestID = ids[0]
	}
	return e
}

// ReasonOf returns the ErrorInfo reason of err ("" when err is nil or carries none).
func ReasonOf(err error) string {
	if err == nil {
		return ""
	}
	return FromError(err).Reason
}
