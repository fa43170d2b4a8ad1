package rewardsclient

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"

	authv1 "github.com/rewards-core/rewards-core/clients/go/rewards/auth/v1"
)

// fakeAuth issues numbered token pairs valid for 15 min / 24 h from its clock.
type fakeAuth struct {
	now        func() time.Time
	issued     atomic.Int32
	refreshed  atomic.Int32
	refreshErr error // returned by RefreshToken when set
	mu         sync.Mutex
	refreshIDs []string
}

func (f *fakeAuth) pair(n int32) (string, *timestamppb.Timestamp, string, *timestamppb.Timestamp) {
	now := f.now()
	return fmt.Sprintf("access-%d", n), timestamppb.New(now.Add(15 * time.Minute)),
		fmt.Sprintf("refresh-%d", n), timestamppb.New(now.Add(24 * time.Hour))
}

func (f *fakeAuth) IssueToken(ctx context.Context, in *authv1.IssueTokenRequest, opts ...grpc.CallOption) (*authv1.IssueTokenResponse, error) {
	time.Sleep(5 * time.Millisecond) // let concurrent callers pile up
	n := f.issued.Add(1) + f.refreshed.Load()
	a, ae, r, re := f.pair(n)
	return &authv1.IssueTokenResponse{AccessToken: a, AccessTokenExpireTime: ae, RefreshToken: r, RefreshTokenExpireTime: re}, nil
}

func (f *fakeAuth) RefreshToken(ctx context.Context, in *authv1.RefreshTokenRequest, opts ...grpc.CallOption) (*authv1.RefreshTokenResponse, error) {
	f.mu.Lock()
	f.refreshIDs = append(f.refreshIDs, in.GetRequestId())
	f.mu.Unlock()
	if f.refreshErr != nil {
		return nil, f.refreshErr
	}
	n := f.refreshed.Add(1) + f.issued.Load()
	a, ae, r, re := f.pair(n)
	return &authv1.RefreshTokenResponse{AccessToken: a, AccessTokenExpireTime: ae, RefreshToken: r, RefreshTokenExpireTime: re}, nil
}

func (f *fakeAuth) RevokeToken(ctx context.Context, in *authv1.RevokeTokenRequest, opts ...grpc.CallOption) (*authv1.RevokeTokenResponse, error) {
	return &authv1.RevokeTokenResponse{}, nil
}

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time          { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func newFakeSource() (*TokenSource, *fakeAuth, *fakeClock) {
	clock := &fakeClock{t: time.Unix(1_800_000_000, 0)}
	auth := &fakeAuth{now: clock.now}
	source := NewTokenSource(auth, Credentials{OrgID: "o", ClientID: "c", ClientSecret: "s"})
	source.now = clock.now
	return source, auth, clock
}

func TestConcurrentCallersShareOneIssue(t *testing.T) {
	source, auth, _ := newFakeSource()
	var wg sync.WaitGroup
	tokens := make([]string, 50)
	for i := range tokens {
		wg.Add(1)
		go func() {
			defer wg.Done()
			token, err := source.Token(context.Background())
			if err != nil {
				t.Error(err)
			}
			tokens[i] = token
		}()
	}
	wg.Wait()
	if auth.issued.Load() != 1 {
		t.Errorf("IssueToken called %d times, want 1", auth.issued.Load())
	}
	for _, token := range tokens {
		if token != "access-1" {
			t.Fatalf("got token %q", token)
		}
	}
}

func TestTokenIsRefreshedAheadOfExpiry(t *testing.T) {
	source, auth, clock := newFakeSource()
	if _, err := source.Token(context.Background()); err != nil {
		t.Fatal(err)
	}
	clock.advance(15*time.Minute - DefaultRefreshMargin - time.Second)
	if token, _ := source.Token(context.Background()); token != "access-1" || auth.refreshed.Load() != 0 {
		t.Fatalf("renewed too early: %q", token)
	}
	clock.advance(2 * time.Second) // inside the margin, still 59 s before expiry
	// The still valid token is returned at once; the refresh runs in the background.
	if token, err := source.Token(context.Background()); err != nil || token != "access-1" {
		t.Fatalf("token %q err %v, want the current one", token, err)
	}
	if err := source.WaitRenewal(context.Background()); err != nil {
		t.Fatal(err)
	}
	token, err := source.Token(context.Background())
	if err != nil || token != "access-2" || auth.refreshed.Load() != 1 || source.Current().RefreshToken != "refresh-2" {
		t.Fatalf("token %q err %v refreshed %d", token, err, auth.refreshed.Load())
	}
}

func TestRefusedRefreshFallsBackToIssue(t *testing.T) {
	source, auth, clock := newFakeSource()
	if _, err := source.Token(context.Background()); err != nil {
		t.Fatal(err)
	}
	auth.refreshErr = status.Error(codes.Unauthenticated, "REFRESH_TOKEN_REUSED")
	clock.advance(15 * time.Minute)
	token, err := source.Token(context.Background())
	if err != nil || token != "access-2" || auth.issued.Load() != 2 {
		t.Fatalf("token %q err %v issued %d", token, err, auth.issued.Load())
	}
}

func TestTransientRefreshFailure(t *testing.T) {
	source, auth, clock := newFakeSource()
	if _, err := source.Token(context.Background()); err != nil {
		t.Fatal(err)
	}
	auth.refreshErr = status.Error(codes.Unavailable, "down")
	clock.advance(15*time.Minute - 30*time.Second)
	// Within the margin but not expired: the current token is still good.
	if token, err := source.Token(context.Background()); err != nil || token != "access-1" {
		t.Fatalf("token %q err %v", token, err)
	}
	_ = source.WaitRenewal(context.Background()) // the background refresh fails
	clock.advance(time.Minute)                   // expired now: the failure surfaces
	if _, err := source.Token(context.Background()); status.Code(err) != codes.Unavailable {
		t.Fatalf("err %v, want UNAVAILABLE", err)
	}
	auth.refreshErr = nil
	if token, err := source.Token(context.Background()); err != nil || token != "access-2" {
		t.Fatalf("token %q err %v", token, err)
	}
	// Every try to spend refresh-1 used the same request_id (the server replays a lost reply).
	if len(auth.refreshIDs) != 3 || auth.refreshIDs[0] == "" ||
		auth.refreshIDs[0] != auth.refreshIDs[1] || auth.refreshIDs[1] != auth.refreshIDs[2] {
		t.Errorf("refresh request ids %v", auth.refreshIDs)
	}
	if auth.issued.Load() != 1 {
		t.Errorf("IssueToken called %d times, want 1", auth.issued.Load())
	}
}

// blockingAuth is a fakeAuth whose IssueToken blocks until release is closed.
type blockingAuth struct {
	*fakeAuth
	release chan struct{}
}

func (b *blockingAuth) IssueToken(ctx context.Context, in *authv1.IssueTokenRequest, opts ...grpc.CallOption) (*authv1.IssueTokenResponse, error) {
	select {
	case <-b.release:
	case <-ctx.Done():
		return nil, status.FromContextError(ctx.Err()).Err()
	}
	return b.fakeAuth.IssueToken(ctx, in, opts...)
}

func TestTokenWaitRespectsContext(t *testing.T) {
	source, auth, _ := newFakeSource()
	blocking := &blockingAuth{fakeAuth: auth, release: make(chan struct{})}
	source.auth = blocking
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := source.Token(ctx); status.Code(err) != codes.DeadlineExceeded {
		t.Fatalf("err %v", err)
	}
	// The fetch went on: released, it serves the next caller without a second IssueToken.
	close(blocking.release)
	if token, err := source.Token(context.Background()); err != nil || token != "access-1" || auth.issued.Load() != 1 {
		t.Fatalf("token %q err %v issued %d", token, err, auth.issued.Load())
	}
}
