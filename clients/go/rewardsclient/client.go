package rewardsclient

import (
	"context"
	"fmt"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"

	accountsv1 "github.com/rewards-core/rewards-core/clients/go/rewards/accounts/v1"
	authv1 "github.com/rewards-core/rewards-core/clients/go/rewards/auth/v1"
	checkoutv1 "github.com/rewards-core/rewards-core/clients/go/rewards/checkout/v1"
	couponsv1 "github.com/rewards-core/rewards-core/clients/go/rewards/coupons/v1"
	loyaltyv1 "github.com/rewards-core/rewards-core/clients/go/rewards/loyalty/v1"
)

// Client is one connection to rewards-core with typed stubs. Every unary call through the
// stubs is authenticated, signed, given a request_id when it has an empty one, retried when
// safe and fails with *Error (see the package documentation). Safe for concurrent use.
type Client struct {
	// Conn is the underlying connection, with the interceptors installed.
	Conn *grpc.ClientConn
	// Tokens holds the access/refresh token pair of the connection.
	Tokens *TokenSource

	Auth     authv1.AuthServiceClient
	Accounts accountsv1.AccountServiceClient
	Offers   couponsv1.OfferServiceClient
	Coupons  couponsv1.CouponServiceClient
	Programs loyaltyv1.ProgramServiceClient
	Loyalty  loyaltyv1.LoyaltyServiceClient
	Checkout checkoutv1.CheckoutServiceClient
}

type options struct {
	transport     credentials.TransportCredentials
	dialOptions   []grpc.DialOption
	retry         RetryPolicy
	refreshMargin time.Duration
	tokenTimeout  time.Duration
	lazy          bool
}

// Option configures Dial.
type Option func(*options)

// WithTransportCredentials sets the transport security, e.g.
// credentials.NewTLS(&tls.Config{...}). Default: plaintext (insecure).
func WithTransportCredentials(c credentials.TransportCredentials) Option {
	return func(o *options) { o.transport = c }
}

// WithDialOptions adds grpc.DialOptions (e.g. more interceptors, which run inside the client's
// retry interceptor and outside its auth and signing interceptors).
func WithDialOptions(opts ...grpc.DialOption) Option {
	return func(o *options) { o.dialOptions = append(o.dialOptions, opts...) }
}

// WithRetryPolicy replaces DefaultRetryPolicy.
func WithRetryPolicy(p RetryPolicy) Option {
	return func(o *options) { o.retry = p }
}

// WithRefreshMargin replaces DefaultRefreshMargin.
func WithRefreshMargin(d time.Duration) Option {
	return func(o *options) { o.refreshMargin = d }
}

// WithTokenTimeout replaces DefaultTokenTimeout, the ceiling of one token fetch. A call that
// needs a token waits for the fetch at most until its own context is done.
func WithTokenTimeout(d time.Duration) Option {
	return func(o *options) { o.tokenTimeout = d }
}

// WithLazyToken makes Dial return without getting the first token; the first call gets it.
// By default Dial gets a token, so wrong credentials fail at Dial.
func WithLazyToken() Option {
	return func(o *options) { o.lazy = true }
}

// Dial connects to a rewards-core server at target (e.g. "localhost:50051") as the API client
// creds. Unless WithLazyToken is given, it gets the first access token before returning (so it
// fails on wrong credentials, e.g. with reason CLIENT_CREDENTIALS_INVALID); ctx bounds that.
// Close the Client when done.
func Dial(ctx context.Context, target string, creds Credentials, opts ...Option) (*Client, error) {
	o := options{transport: insecure.NewCredentials(), retry: DefaultRetryPolicy,
		refreshMargin: DefaultRefreshMargin, tokenTimeout: DefaultTokenTimeout}
	for _, opt := range opts {
		opt(&o)
	}
	// The token source calls AuthService on this same connection (set below, before any call);
	// the bearer and signing interceptors pass IssueToken and RefreshToken through untouched.
	tokens := NewTokenSource(nil, creds)
	tokens.SetRefreshMargin(o.refreshMargin)
	tokens.SetTokenTimeout(o.tokenTimeout)
	dialOptions := []grpc.DialOption{grpc.WithTransportCredentials(o.transport)}
	dialOptions = append(dialOptions, grpc.WithChainUnaryInterceptor(UnaryRetryInterceptor(o.retry)))
	dialOptions = append(dialOptions, o.dialOptions...)
	dialOptions = append(dialOptions,
		grpc.WithChainUnaryInterceptor(UnaryBearerInterceptor(tokens), UnarySigningInterceptor(creds.ClientSecret)),
		grpc.WithChainStreamInterceptor(StreamBearerInterceptor(tokens), StreamSigningInterceptor(creds.ClientSecret)))
	conn, err := grpc.NewClient(target, dialOptions...)
	if err != nil {
		return nil, fmt.Errorf("rewardsclient: dial %s: %w", target, err)
	}
	tokens.auth = authv1.NewAuthServiceClient(conn)
	c := &Client{
		Conn:     conn,
		Tokens:   tokens,
		Auth:     authv1.NewAuthServiceClient(conn),
		Accounts: accountsv1.NewAccountServiceClient(conn),
		Offers:   couponsv1.NewOfferServiceClient(conn),
		Coupons:  couponsv1.NewCouponServiceClient(conn),
		Programs: loyaltyv1.NewProgramServiceClient(conn),
		Loyalty:  loyaltyv1.NewLoyaltyServiceClient(conn),
		Checkout: checkoutv1.NewCheckoutServiceClient(conn),
	}
	if !o.lazy {
		if err := c.firstToken(ctx, o.retry); err != nil {
			conn.Close()
			return nil, err
		}
	}
	return c, nil
}

// firstToken gets the first token, retrying transient failures by policy.
func (c *Client) firstToken(ctx context.Context, policy RetryPolicy) error {
	for attempt := 1; ; attempt++ {
		_, err := c.Tokens.Token(ctx)
		if err == nil {
			return nil
		}
		rerr := FromError(err)
		if !Retryable(rerr.Code) || attempt >= policy.MaxAttempts || ctx.Err() != nil {
			return rerr
		}
		select {
		case <-time.After(max(policy.Backoff(attempt), rerr.RetryDelay)):
		case <-ctx.Done():
			return rerr
		}
	}
}

// Close closes the connection.
func (c *Client) Close() error { return c.Conn.Close() }
