package rewardsclient

// The client's token fetch against a real gRPC server (in this process, over a TCP socket)
// whose AuthService stalls: calls fail at their own deadline, share one fetch, a failed fetch
// does not poison later calls, and a refresh in progress never holds up calls that have a
// valid token.

import (
	"context"
	"fmt"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"

	accountsv1 "github.com/rewards-core/rewards-core/clients/go/rewards/accounts/v1"
	authv1 "github.com/rewards-core/rewards-core/clients/go/rewards/auth/v1"
)

const (
	stallCalls    = 8
	stallDeadline = time.Second
	stallBound    = 4 * time.Second // a 1 s call answers within this, even on a loaded 2-core machine
	stallFor      = 30 * time.Second
)

// stallingAuth answers IssueToken / RefreshToken only once release is closed (at most after
// stallFor) while stallIssue / stallRefresh is set, and counts the calls.
type stallingAuth struct {
	authv1.UnimplementedAuthServiceServer
	issued, refreshed        atomic.Int32
	stallIssue, stallRefresh atomic.Bool
	release                  chan struct{}
	target                   string
	releaseOnce              sync.Once
}

func (s *stallingAuth) open() { s.releaseOnce.Do(func() { close(s.release) }) }

func (s *stallingAuth) stall(ctx context.Context, on bool) {
	if !on {
		return
	}
	select {
	case <-s.release:
	case <-ctx.Done():
	case <-time.After(stallFor):
	}
}

func (s *stallingAuth) pair(n int32) (string, *timestamppb.Timestamp, string, *timestamppb.Timestamp) {
	now := time.Now()
	return fmt.Sprintf("access-%d", n), timestamppb.New(now.Add(15 * time.Minute)),
		fmt.Sprintf("refresh-%d", n), timestamppb.New(now.Add(24 * time.Hour))
}

func (s *stallingAuth) IssueToken(ctx context.Context, _ *authv1.IssueTokenRequest) (*authv1.IssueTokenResponse, error) {
	n := s.issued.Add(1) + s.refreshed.Load()
	s.stall(ctx, s.stallIssue.Load())
	a, ae, r, re := s.pair(n)
	return &authv1.IssueTokenResponse{AccessToken: a, AccessTokenExpireTime: ae, RefreshToken: r, RefreshTokenExpireTime: re}, nil
}

func (s *stallingAuth) RefreshToken(ctx context.Context, _ *authv1.RefreshTokenRequest) (*authv1.RefreshTokenResponse, error) {
	n := s.refreshed.Add(1) + s.issued.Load()
	s.stall(ctx, s.stallRefresh.Load())
	a, ae, r, re := s.pair(n)
	return &authv1.RefreshTokenResponse{AccessToken: a, AccessTokenExpireTime: ae, RefreshToken: r, RefreshTokenExpireTime: re}, nil
}

// echoAccounts answers GetAccount at once, with the bearer token it got as the account id.
type echoAccounts struct {
	accountsv1.UnimplementedAccountServiceServer
}

func (echoAccounts) GetAccount(ctx context.Context, _ *accountsv1.GetAccountRequest) (*accountsv1.GetAccountResponse, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	auth := md.Get("authorization")
	if len(auth) != 1 || !strings.HasPrefix(auth[0], "Bearer ") {
		return nil, status.Error(codes.Unauthenticated, "no token")
	}
	return &accountsv1.GetAccountResponse{Account: &accountsv1.Account{AccountId: strings.TrimPrefix(auth[0], "Bearer ")}}, nil
}

func startStallingServer(t *testing.T) *stallingAuth {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	auth := &stallingAuth{release: make(chan struct{})}
	auth.stallIssue.Store(true)
	server := grpc.NewServer()
	authv1.RegisterAuthServiceServer(server, auth)
	accountsv1.RegisterAccountServiceServer(server, echoAccounts{})
	go func() { _ = server.Serve(listener) }()
	t.Cleanup(func() {
		auth.open()
		server.Stop()
	})
	auth.target = listener.Addr().String()
	return auth
}

func dialStalling(t *testing.T, auth *stallingAuth, opts ...Option) *Client {
	t.Helper()
	client, err := Dial(context.Background(), auth.target, Credentials{OrgID: "o", ClientID: "c", ClientSecret: "s"},
		append([]Option{WithLazyToken()}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	return client
}

type outcome struct {
	token   string
	err     error
	elapsed time.Duration
}

func getAccount(client *Client, deadline time.Duration, opts ...grpc.CallOption) outcome {
	began := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	resp, err := client.Accounts.GetAccount(ctx, &accountsv1.GetAccountRequest{AccountId: "x"}, opts...)
	return outcome{token: resp.GetAccount().GetAccountId(), err: err, elapsed: time.Since(began)}
}

func concurrently(n int, call func() outcome) []outcome {
	results := make([]outcome, n)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = call()
		}()
	}
	wg.Wait()
	return results
}

func TestStalledIssueTokenFailsEachCallAtItsDeadlineWithOneFetch(t *testing.T) {
	auth := startStallingServer(t)
	client := dialStalling(t, auth, WithTokenTimeout(time.Minute))

	for _, r := range concurrently(stallCalls, func() outcome { return getAccount(client, stallDeadline) }) {
		if status.Code(r.err) != codes.DeadlineExceeded || r.elapsed >= stallBound || r.elapsed < stallDeadline*9/10 {
			t.Errorf("call answered %v after %v, want DEADLINE_EXCEEDED after about %v", r.err, r.elapsed, stallDeadline)
		}
	}
	if n := auth.issued.Load(); n != 1 {
		t.Errorf("IssueToken called %d times, want 1 (one shared fetch)", n)
	}
	// A later call joins the same fetch, and fails at its own deadline too.
	if r := getAccount(client, stallDeadline); status.Code(r.err) != codes.DeadlineExceeded || r.elapsed >= stallBound {
		t.Errorf("later call: %v after %v", r.err, r.elapsed)
	}

	auth.open() // the stall ends: the fetch in flight completes
	if r := getAccount(client, 5*time.Second); r.err != nil || r.token != "access-1" || r.elapsed >= stallBound {
		t.Fatalf("after the stall: token %q err %v after %v", r.token, r.err, r.elapsed)
	}
	if n := auth.issued.Load(); n != 1 {
		t.Errorf("IssueToken called %d times, want 1", n)
	}
}

func TestFailedFetchDoesNotPoisonLaterCalls(t *testing.T) {
	auth := startStallingServer(t)
	// The fetch's own ceiling (1 s) is shorter than the calls' deadlines (5 s): it fails for all
	// of them (one attempt each: a retry would start a new fetch, as the next call does below).
	client := dialStalling(t, auth, WithTokenTimeout(stallDeadline))

	for _, r := range concurrently(stallCalls, func() outcome { return getAccount(client, 5*time.Second, NoRetry()) }) {
		if status.Code(r.err) != codes.DeadlineExceeded || r.elapsed >= stallBound {
			t.Errorf("call answered %v after %v, want DEADLINE_EXCEEDED from the fetch's ceiling", r.err, r.elapsed)
		}
	}
	if n := auth.issued.Load(); n != 1 {
		t.Errorf("IssueToken called %d times, want 1", n)
	}
	auth.stallIssue.Store(false)
	if r := getAccount(client, 5*time.Second); r.err != nil || r.token != "access-2" || r.elapsed >= stallBound {
		t.Fatalf("next call: token %q err %v after %v", r.token, r.err, r.elapsed)
	}
	if n := auth.issued.Load(); n != 2 {
		t.Errorf("IssueToken called %d times, want 2 (the next call started a new fetch)", n)
	}
}

func TestCallsWithAValidTokenNeverWaitForARefresh(t *testing.T) {
	auth := startStallingServer(t)
	auth.stallIssue.Store(false)
	client := dialStalling(t, auth)
	if r := getAccount(client, 5*time.Second); r.err != nil || r.token != "access-1" {
		t.Fatalf("first call: %q %v", r.token, r.err)
	}

	auth.stallRefresh.Store(true)
	client.Tokens.SetRefreshMargin(16 * time.Minute) // the valid 15-minute token now counts as expiring
	// One attempt of 5 s each, shorter than the refresh's 30 s stall: a call that waited for the
	// refresh would fail; each must succeed with the current token.
	for _, r := range concurrently(stallCalls, func() outcome { return getAccount(client, 5*time.Second, NoRetry()) }) {
		if r.err != nil || r.token != "access-1" {
			t.Errorf("call with a valid token: %q %v after %v", r.token, r.err, r.elapsed)
		}
	}
	if auth.refreshed.Load() != 1 || auth.issued.Load() != 1 {
		t.Errorf("refreshed %d issued %d, want one refresh in flight", auth.refreshed.Load(), auth.issued.Load())
	}

	auth.open()
	if err := client.Tokens.WaitRenewal(context.Background()); err != nil {
		t.Fatal(err)
	}
	client.Tokens.SetRefreshMargin(DefaultRefreshMargin)
	if r := getAccount(client, 5*time.Second); r.err != nil || r.token != "access-2" || auth.refreshed.Load() != 1 {
		t.Fatalf("after the refresh: %q %v (refreshed %d)", r.token, r.err, auth.refreshed.Load())
	}
}
