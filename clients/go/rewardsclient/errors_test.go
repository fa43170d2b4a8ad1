package rewardsclient

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"
)

func statusError(t *testing.T, code codes.Code, reason string, retry time.Duration) error {
	t.Helper()
	info := &errdetails.ErrorInfo{Reason: reason, Domain: "rewards.coupons", Metadata: map[string]string{"field": "code"}}
	st, err := status.New(code, "something failed").WithDetails(info)
	if err != nil {
		t.Fatal(err)
	}
	if retry > 0 {
		if st, err = st.WithDetails(&errdetails.RetryInfo{RetryDelay: durationpb.New(retry)}); err != nil {
			t.Fatal(err)
		}
	}
	return st.Err()
}

func TestFromErrorReadsErrorInfoAndRetryInfo(t *testing.T) {
	err := fmt.Errorf("wrapped: %w", statusError(t, codes.ResourceExhausted, "RATE_LIMITED", 250*time.Millisecond))

	var rerr *Error
	if !errors.As(FromError(err), &rerr) {
		t.Fatal("FromError must give a *Error")
	}
	if rerr.Code != codes.ResourceExhausted || rerr.Reason != "RATE_LIMITED" || rerr.Domain != "rewards.coupons" ||
		rerr.Metadata["field"] != "code" || rerr.RetryDelay != 250*time.Millisecond || !rerr.Retryable() {
		t.Errorf("unexpected %+v", rerr)
	}
	if status.Code(rerr) != codes.ResourceExhausted {
		t.Errorf("status.Code(*Error) = %v", status.Code(rerr))
	}
	if got := ReasonOf(err); got != "RATE_LIMITED" {
		t.Errorf("ReasonOf = %q", got)
	}
	if got := FromError(errors.Unwrap(err)).Error(); got != "rewards: RATE_LIMITED: something failed" {
		t.Errorf("Error() = %q", got)
	}
}

func TestFromErrorWithoutDetails(t *testing.T) {
	if ReasonOf(nil) != "" || FromError(nil) != nil {
		t.Error("nil error must give no reason and no *Error")
	}
	rerr := FromError(status.Error(codes.Unavailable, "connection refused"))
	if rerr.Reason != "" || rerr.Code != codes.Unavailable || !rerr.Retryable() || rerr.Metadata == nil {
		t.Errorf("unexpected %+v", rerr)
	}
	canceled := FromError(context.Canceled)
	if canceled.Code != codes.Canceled || !errors.Is(canceled, context.Canceled) {
		t.Errorf("context.Canceled gave %+v", canceled)
	}
}
