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

// TokenSource holds the current access/refresh token pair. Token returns an access token
// valid for at least the refresh margin, renewing it first when needed: with RefreshToken
// while the refresh token is usable, else (or when the refresh is refused as UNAUTHENTICATED)
// with IssueToken. Safe for concurrent use; one renewal runs at a time and callers waiting for
// it take its result.
type TokenSource struct {
	auth  authv1.AuthServiceClient
	creds Credentials
	now   func() time.Time

	renewing chan struct{} // one-slot semaphore: held while a renewal runs

	mu               sync.Mutex
	margin           time.Duration
	tokens           Tokens
	generation       uint64 // incremented by every renewal
	refreshRequestID string // request_id for spending tokens.RefreshToken (same id on a retry)
}

// NewTokenSource returns a TokenSource that gets tokens from auth with creds. It gets its
// first token on the first call of Token.
func NewTokenSource(auth authv1.AuthServiceClient, creds Credentials) *TokenSource {
	return &TokenSource{
		auth: auth, creds: creds, now: time.Now,
		renewing: make(chan struct{}, 1),
		margin:   DefaultRefreshMargin,
	}
}

// SetRefreshMargin changes how long before expiry the access token is renewed. A margin
// longer than the token's lifetime renews it on every call of Token (useful in tests).
func (t *TokenSource) SetRefreshMargin(margin time.Duration) {
	t.mu.Lock()
	t.margin = margin
	t.mu.Unlock()
}

// Current returns the token pair held now (zero before the first Token call).
func (t *TokenSource) Current() Tokens {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.tokens
}

// Token returns an access token that is valid for at least the refresh margin, renewing the
// pair first if needed. If a renewal fails while the current access token has not expired
// yet, that token is returned rather than the error.
func (t *TokenSource) Token(ctx context.Context) (string, error) {
	token, fresh, generation := t.check()
	if fresh {
		return token, nil
	}
	select {
	case t.renewing <- struct{}{}:
	case <-ctx.Done():
		return "", status.FromContextError(ctx.Err()).Err()
	}
	defer func() { <-t.renewing }()

	t.mu.Lock()
	renewedMeanwhile := t.generation != generation
	token = t.tokens.AccessToken
	t.mu.Unlock()
	if renewedMeanwhile {
		return token, nil // another caller renewed while this one waited
	}
	if err := t.renew(ctx); err != nil {
		t.mu.Lock()
		current := t.tokens
		t.mu.Unlock()
		if current.AccessToken != "" && t.now().Before(current.AccessExpireTime) {
			return current.AccessToken, nil
		}
		return "", err
	}
	return t.Current().AccessToken, nil
}

func (t *TokenSource) check() (token string, fresh bool, generation uint64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	fresh = t.tokens.AccessToken != "" && t.now().Before(t.tokens.AccessExpireTime.Add(-t.margin))
	return t.tokens.AccessToken, fresh, t.generation
}

func (t *TokenSource) renew(ctx context.Context) error {
	t.mu.Lock()
	refresh, requestID := t.tokens.RefreshToken, t.refreshRequestID
	usable := refresh != "" && t.now().Before(t.tokens.RefreshExpireTime.Add(-t.margin))
	t.mu.Unlock()

	if usable {
		resp, err := t.auth.RefreshToken(ctx, &authv1.RefreshTokenRequest{
			RequestId: requestID, RefreshToken: refresh,
		}, NoRetry())
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
	t.generation++
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
