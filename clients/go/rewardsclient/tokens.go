package rewardsclient

import (
	"context"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"

	authv1 "github.com/rewards-core/rewards-core/clients/go/rewards/auth/v1"
)

// DefaultRefreshMargin is how long before its expiry an access token is renewed, so that no
// call carries a token about to expire.
const DefaultRefreshMargin = 60 * time.Second

// Credentials of an API client (from `rewards-core clients create`).
type Credentials struct {
	OrgID        string
	ClientID     string
	ClientSecret string
}

// Tokens is a snapshot of the token pair a TokenSource holds.
type Tokens struct {
	AccessToken       string
	AccessExpireTime  time.Time
	RefreshToken      string
	RefreshExpireTime time.Time
}

// DefaultTokenTimeout bounds one token fetch (RefreshToken, then IssueToken when the refresh
// is refused), whoever waits for it.
const DefaultTokenTimeout = 10 * time.Second

// TokenSource holds the current access/refresh token pair. Token returns a valid access token,
// getting one first when needed: with RefreshToken while the refresh token is usable, else (or
// when the refresh is refused as UNAUTHENTICATED) with IssueToken. Safe for concurrent use.
//
// One fetch runs at a time and every caller that needs it shares it (single flight); no lock is
// held across the network call. The fetch runs on its own, bounded by the token timeout
// (SetTokenTimeout, default DefaultTokenTimeout), not by any caller's context: each caller waits
// for it at most until its own context is done (then it gets DEADLINE_EXCEEDED or CANCELLED),
// while the fetch goes on for the others. A failed fetch fails the callers waiting for it; the
// next caller starts a new one. While the current access token is valid but within the refresh
// margin, Token returns it at once and renews the pair in the background.
type TokenSource struct {
	auth  authv1.AuthServiceClient
	creds Credentials
	now   func() time.Time

	mu               sync.Mutex
	margin           time.Duration
	timeout          time.Duration
	tokens           Tokens
	refreshRequestID string    // request_id for spending tokens.RefreshToken (same id on a retry)
	inflight         *fetch    // the fetch in progress, nil if none
	aheadNotBefore   time.Time // after a failed renewal ahead of expiry, the next one waits a little
	fetches          int       // fetches started
}

// fetch is one token fetch; done is closed when it ends, with token or err set.
type fetch struct {
	done  chan struct{}
	token string
	err   error
}

// NewTokenSource returns a TokenSource that gets tokens from auth with creds. It gets its
// first token on the first call of Token.
func NewTokenSource(auth authv1.AuthServiceClient, creds Credentials) *TokenSource {
	return &TokenSource{
		auth: auth, creds: creds, now: time.Now,
		margin:  DefaultRefreshMargin,
		timeout: DefaultTokenTimeout,
	}
}

// SetRefreshMargin changes how long before expiry the access token is renewed. A margin
// longer than the token's lifetime renews it (in the background) on every call of Token.
func (t *TokenSource) SetRefreshMargin(margin time.Duration) {
	t.mu.Lock()
	t.margin = margin
	t.mu.Unlock()
}

// SetTokenTimeout changes the ceiling of one token fetch (default DefaultTokenTimeout).
func (t *TokenSource) SetTokenTimeout(timeout time.Duration) {
	t.mu.Lock()
	t.timeout = timeout
	t.mu.Unlock()
}

// Current returns the token pair held now (zero before the first Token call).
func (t *TokenSource) Current() Tokens {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.tokens
}

// Fetches returns how many token fetches were started (each one RefreshToken and/or IssueToken).
func (t *TokenSource) Fetches() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.fetches
}

// WaitRenewal waits until the fetch in progress, if any, has ended, or ctx is done. It returns
// ctx's error in that case, else nil (the fetch's own failure is not returned here).
func (t *TokenSource) WaitRenewal(ctx context.Context) error {
	t.mu.Lock()
	f := t.inflight
	t.mu.Unlock()
	if f == nil {
		return nil
	}
	select {
	case <-f.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Token returns a valid access token. While the current one is valid it is returned at once
// (renewed in the background when within the refresh margin); otherwise Token starts a fetch or
// joins the one in progress and waits for it at most until ctx is done.
func (t *TokenSource) Token(ctx context.Context) (string, error) {
	t.mu.Lock()
	now := t.now()
	if t.tokens.AccessToken != "" && now.Before(t.tokens.AccessExpireTime) {
		token := t.tokens.AccessToken
		if !now.Before(t.tokens.AccessExpireTime.Add(-t.margin)) && !now.Before(t.aheadNotBefore) {
			t.startLocked(true)
		}
		t.mu.Unlock()
		return token, nil
	}
	f := t.startLocked(false)
	t.mu.Unlock()
	select {
	case <-f.done:
		return f.token, f.err
	case <-ctx.Done():
		select {
		case <-f.done: // ended meanwhile: take its result
			return f.token, f.err
		default:
		}
		return "", status.FromContextError(ctx.Err()).Err()
	}
}

// startLocked returns the fetch in progress, starting one if there is none. t.mu is held.
func (t *TokenSource) startLocked(ahead bool) *fetch {
	if t.inflight != nil {
		return t.inflight
	}
	f := &fetch{done: make(chan struct{})}
	t.inflight = f
	t.fetches++
	timeout := t.timeout
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		err := t.renew(ctx)
		cancel()
		t.mu.Lock()
		t.inflight = nil
		if err != nil {
			f.err = err
			if ahead {
				t.aheadNotBefore = t.now().Add(time.Second)
			}
		} else {
			f.token = t.tokens.AccessToken
			t.aheadNotBefore = time.Time{}
		}
		t.mu.Unlock()
		close(f.done)
	}()
	return f
}

func (t *TokenSource) renew(ctx context.Context) error {
	t.mu.Lock()
	refresh, requestID := t.tokens.RefreshToken, t.refreshRequestID
	usable := refresh != "" && t.now().Before(t.tokens.RefreshExpireTime.Add(-t.margin))
	t.mu.Unlock()

	if usable {
		resp, err := t.auth.RefreshToken(ctx, &authv1.RefreshTokenRequest{
			RequestId: requestID, RefreshToken: refresh,
		}, tokenFetch())
		if err == nil {
			t.take(resp.GetAccessToken(), resp.GetAccessTokenExpireTime(),
				resp.GetRefreshToken(), resp.GetRefreshTokenExpireTime())
			return nil
		}
		if status.Code(err) != codes.Unauthenticated {
			return err // transient: the next renewal retries this refresh with the same request_id
		}
		// Spent, expired or revoked refresh token: start a new family.
	}
	resp, err := t.auth.IssueToken(ctx, &authv1.IssueTokenRequest{
		OrgId: t.creds.OrgID, ClientId: t.creds.ClientID, ClientSecret: t.creds.ClientSecret,
	}, NoRetry())
	if err != nil {
		return err
	}
	t.take(resp.GetAccessToken(), resp.GetAccessTokenExpireTime(),
		resp.GetRefreshToken(), resp.GetRefreshTokenExpireTime())
	return nil
}

func (t *TokenSource) take(access string, accessExpire *timestamppb.Timestamp, refresh string,
	refreshExpire *timestamppb.Timestamp) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.tokens = Tokens{
		AccessToken: access, AccessExpireTime: accessExpire.AsTime(),
		RefreshToken: refresh, RefreshExpireTime: refreshExpire.AsTime(),
	}
	t.refreshRequestID = NewRequestID()
}

// UnaryBearerInterceptor adds "authorization: Bearer <token>" from tokens to every unary call
// except IssueToken and RefreshToken.
func UnaryBearerInterceptor(tokens *TokenSource) grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn,
		invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		if publicMethods[method] {
			return invoker(ctx, method, req, reply, cc, opts...)
		}
		ctx, err := withBearer(ctx, tokens)
		if err != nil {
			return err
		}
		return invoker(ctx, method, req, reply, cc, opts...)
	}
}

// StreamBearerInterceptor adds the access token to every streaming call.
func StreamBearerInterceptor(tokens *TokenSource) grpc.StreamClientInterceptor {
	return func(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string,
		streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
		ctx, err := withBearer(ctx, tokens)
		if err != nil {
			return nil, err
		}
		return streamer(ctx, desc, cc, method, opts...)
	}
}

func withBearer(ctx context.Context, tokens *TokenSource) (context.Context, error) {
	token, err := tokens.Token(ctx)
	if err != nil {
		return ctx, err
	}
	return metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token), nil
}
