package rewardsclient

import (
	"context"
	"errors"
	"regexp"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	accountsv1 "github.com/rewards-core/rewards-core/clients/go/rewards/accounts/v1"
)

var fastRetry = RetryPolicy{MaxAttempts: 5, BaseDelay: time.Millisecond, MaxDelay: 4 * time.Millisecond}

func TestNewRequestIDIsAUUID(t *testing.T) {
	format := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	if a, b := NewRequestID(), NewRequestID(); !format.MatchString(a) || a == b {
		t.Errorf("request ids %q, %q", a, b)
	}
}

func TestRetryKeepsTheRequestIDAcrossAttempts(t *testing.T) {
	req := &accountsv1.CreateAccountRequest{ProgramId: "p"}
	var ids []string
	invoker := func(ctx context.Context, m string, r, reply any, cc *grpc.ClientConn, opts ...grpc.CallOption) error {
		ids = append(ids, r.(*accountsv1.CreateAccountRequest).GetRequestId())
		if len(ids) == 1 {
			return status.Error(codes.Unavailable, "down")
		}
		if len(ids) == 2 {
			return status.Error(codes.DeadlineExceeded, "slow")
		}
		return nil
	}
	err := UnaryRetryInterceptor(fastRetry)(context.Background(), "/m", req, &accountsv1.CreateAccountResponse{}, nil, invoker)
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 3 || ids[0] == "" || ids[0] != ids[1] || ids[1] != ids[2] || req.GetRequestId() != ids[0] {
		t.Errorf("attempts sent request ids %v (request now has %q)", ids, req.GetRequestId())
	}
}

func TestRetryKeepsACallerChosenRequestID(t *testing.T) {
	req := &accountsv1.CreateAccountRequest{RequestId: "mine", ProgramId: "p"}
	invoker := func(ctx context.Context, m string, r, reply any, cc *grpc.ClientConn, opts ...grpc.CallOption) error {
		if got := r.(*accountsv1.CreateAccountRequest).GetRequestId(); got != "mine" {
			t.Errorf("request id %q", got)
		}
		return nil
	}
	if err := UnaryRetryInterceptor(fastRetry)(context.Background(), "/m", req, nil, nil, invoker); err != nil {
		t.Fatal(err)
	}
}

func TestRetryStopsOnOtherCodesAndAfterMaxAttempts(t *testing.T) {
	cases := []struct {
		code     codes.Code
		opts     []grpc.CallOption
		attempts int
	}{
		{codes.FailedPrecondition, nil, 1},
		{codes.ResourceExhausted, nil, 1},
		{codes.Unauthenticated, nil, 1},
		{codes.Unavailable, nil, 5},
		{codes.DeadlineExceeded, nil, 5},
		{codes.Unavailable, []grpc.CallOption{NoRetry()}, 1},
	}
	for _, c := range cases {
		calls := 0
		invoker := func(ctx context.Context, m string, r, reply any, cc *grpc.ClientConn, opts ...grpc.CallOption) error {
			calls++
			return status.Error(c.code, "no")
		}
		err := UnaryRetryInterceptor(fastRetry)(context.Background(), "/m", &accountsv1.GetAccountRequest{}, nil, nil, invoker, c.opts...)
		var rerr *Error
		if !errors.As(err, &rerr) || rerr.Code != c.code {
			t.Errorf("%v: error %v", c.code, err)
		}
		if calls != c.attempts {
			t.Errorf("%v: %d attempts, want %d", c.code, calls, c.attempts)
		}
	}
}

func TestRetryGivesUpWhenTheCallerContextEnds(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	slow := RetryPolicy{MaxAttempts: 100, BaseDelay: time.Second, MaxDelay: time.Second}
	start := time.Now()
	invoker := func(ctx context.Context, m string, r, reply any, cc *grpc.ClientConn, opts ...grpc.CallOption) error {
		return status.Error(codes.Unavailable, "down")
	}
	err := UnaryRetryInterceptor(slow)(ctx, "/m", &accountsv1.GetAccountRequest{}, nil, nil, invoker)
	if status.Code(err) != codes.Unavailable || time.Since(start) > time.Second {
		t.Errorf("error %v after %v", err, time.Since(start))
	}
}

func TestBackoffIsFullJitterUnderTheCap(t *testing.T) {
	p := RetryPolicy{BaseDelay: 50 * time.Millisecond, MaxDelay: 2 * time.Second}
	for retry, ceiling := range map[int]time.Duration{1: 50 * time.Millisecond, 2: 100 * time.Millisecond,
		3: 200 * time.Millisecond, 6: 1600 * time.Millisecond, 7: 2 * time.Second, 40: 2 * time.Second} {
		for range 200 {
			if d := p.Backoff(retry); d < 0 || d >= ceiling {
				t.Fatalf("retry %d: backoff %v outside [0, %v)", retry, d, ceiling)
			}
		}
	}
}
