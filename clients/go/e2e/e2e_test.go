package e2e

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	accountsv1 "github.com/rewards-core/rewards-core/clients/go/rewards/accounts/v1"
	couponsv1 "github.com/rewards-core/rewards-core/clients/go/rewards/coupons/v1"
	typev1 "github.com/rewards-core/rewards-core/clients/go/rewards/type/v1"
	"github.com/rewards-core/rewards-core/clients/go/rewardsclient"
)

const program = "go-e2e"

func dial(t *testing.T) (*rewardsclient.Client, context.Context) {
	t.Helper()
	requireServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	client, err := rewardsclient.Dial(ctx, target, creds)
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	t.Cleanup(func() { client.Close() })
	return client, ctx
}

func eur(minor int64) *typev1.Money { return &typev1.Money{AmountMinor: minor, CurrencyCode: "EUR"} }

func createAccount(t *testing.T, ctx context.Context, client *rewardsclient.Client) *accountsv1.Account {
	t.Helper()
	created, err := client.Accounts.CreateAccount(ctx, &accountsv1.CreateAccountRequest{ProgramId: program})
	if err != nil {
		t.Fatalf("CreateAccount: %v", err)
	}
	return created.GetAccount()
}

// newOffer creates an ACTIVE offer giving 500 EUR minor units off, with rules, and no code
// series (IssueCoupon then generates a code per coupon); it returns the offer.
func newOffer(t *testing.T, ctx context.Context, client *rewardsclient.Client, rules *couponsv1.OfferRules) *couponsv1.Offer {
	t.Helper()
	created, err := client.Offers.CreateOffer(ctx, &couponsv1.CreateOfferRequest{Offer: &couponsv1.Offer{
		ProgramId: program, DisplayName: "5 EUR off", State: couponsv1.OfferState_OFFER_STATE_ACTIVE,
		Reward: &couponsv1.Reward{Kind: couponsv1.RewardKind_REWARD_KIND_DISCOUNT_AMOUNT, DiscountAmount: eur(500)},
		Rules:  rules,
	}})
	if err != nil {
		t.Fatalf("CreateOffer: %v", err)
	}
	return created.GetOffer()
}

// offerWithCode creates an offer as newOffer does, with a COMMON code series; it returns the
// offer id and the code.
func offerWithCode(t *testing.T, ctx context.Context, client *rewardsclient.Client, rules *couponsv1.OfferRules) (string, string) {
	t.Helper()
	offer := newOffer(t, ctx, client, rules)
	code := "GO" + strings.ToUpper(strings.ReplaceAll(rewardsclient.NewRequestID(), "-", "")[:12])
	series, err := client.Offers.CreateCodeSeries(ctx, &couponsv1.CreateCodeSeriesRequest{CodeSeries: &couponsv1.CodeSeries{
		OfferId: offer.GetOfferId(), Type: couponsv1.CodeSeriesType_CODE_SERIES_TYPE_COMMON, CommonCode: code,
	}})
	if err != nil {
		t.Fatalf("CreateCodeSeries: %v", err)
	}
	if series.GetCodeSeries().GetCommonCode() != code {
		t.Fatalf("code series %v, want common code %s", series.GetCodeSeries(), code)
	}
	return offer.GetOfferId(), code
}

func redeemRequest(code, accountID, requestID string) *couponsv1.RedeemCouponRequest {
	return &couponsv1.RedeemCouponRequest{RequestId: requestID, Code: code, AccountId: accountID,
		StoreId: "store-1", BillAmount: eur(2_000), TransactionId: "tx-" + rewardsclient.NewRequestID()}
}

func TestDialGetsAToken(t *testing.T) {
	client, _ := dial(t)
	tokens := client.Tokens.Current()
	if tokens.AccessToken == "" || tokens.RefreshToken == "" {
		t.Fatalf("no token pair after Dial: %+v", tokens)
	}
	if left := time.Until(tokens.AccessExpireTime); left < 5*time.Minute || left > 16*time.Minute {
		t.Errorf("access token expires in %v, want about 15 min", left)
	}
	if left := time.Until(tokens.RefreshExpireTime); left < 23*time.Hour {
		t.Errorf("refresh token expires in %v, want about 24 h", left)
	}
}

func TestDialWithWrongCredentialsFails(t *testing.T) {
	requireServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	wrong := creds
	wrong.ClientSecret = "cs_wrong"
	_, err := rewardsclient.Dial(ctx, target, wrong)
	var rerr *rewardsclient.Error
	if !errors.As(err, &rerr) || rerr.Code != codes.Unauthenticated || rerr.Reason != "CLIENT_CREDENTIALS_INVALID" {
		t.Fatalf("Dial with a wrong secret: %v", err)
	}
}

func TestCreateAndGetAccount(t *testing.T) {
	client, ctx := dial(t)
	req := &accountsv1.CreateAccountRequest{ProgramId: program, Identifiers: []*accountsv1.Identifier{
		{Type: accountsv1.IdentifierType_IDENTIFIER_TYPE_CARDCODE, Value: "card-" + rewardsclient.NewRequestID()}}}
	created, err := client.Accounts.CreateAccount(ctx, req)
	if err != nil {
		t.Fatalf("CreateAccount: %v", err)
	}
	if req.GetRequestId() == "" {
		t.Error("the client must fill the empty request_id")
	}
	again, err := client.Accounts.CreateAccount(ctx, req) // same request_id: the first reply
	if err != nil || !proto.Equal(again, created) {
		t.Fatalf("retried CreateAccount: %v, %v (first %v)", again, err, created)
	}
	got, err := client.Accounts.GetAccount(ctx, &accountsv1.GetAccountRequest{AccountId: created.GetAccount().GetAccountId()})
	if err != nil {
		t.Fatalf("GetAccount: %v", err)
	}
	if !proto.Equal(got.GetAccount(), created.GetAccount()) ||
		got.GetAccount().GetStatus() != accountsv1.AccountStatus_ACCOUNT_STATUS_ACTIVE {
		t.Errorf("GetAccount %v, created %v", got.GetAccount(), created.GetAccount())
	}
}

func TestSameRequestIDReplaysAndANewOneHitsTheLimit(t *testing.T) {
	client, ctx := dial(t)
	account := createAccount(t, ctx, client)
	offerID, code := offerWithCode(t, ctx, client, &couponsv1.OfferRules{MaxRedemptionCount: 1})

	request := redeemRequest(code, account.GetAccountId(), rewardsclient.NewRequestID())
	first, err := client.Coupons.RedeemCoupon(ctx, request)
	if err != nil {
		t.Fatalf("RedeemCoupon: %v", err)
	}
	if first.GetRedemptionId() == "" || !proto.Equal(first.GetReward().GetDiscountAmount(), eur(500)) ||
		first.GetCoupon().GetOfferId() != offerID {
		t.Fatalf("unexpected redemption %v", first)
	}

	// A retry of the same logical operation (same request_id) gets the identical first reply.
	retried, err := client.Coupons.RedeemCoupon(ctx, proto.Clone(request).(*couponsv1.RedeemCouponRequest))
	if err != nil {
		t.Fatalf("retried RedeemCoupon: %v", err)
	}
	if !proto.Equal(retried, first) {
		t.Fatalf("retry reply %v differs from first %v", retried, first)
	}

	// A new operation (new request_id) finds the single redemption used: it redeemed once.
	_, err = client.Coupons.RedeemCoupon(ctx, redeemRequest(code, account.GetAccountId(), ""))
	var rerr *rewardsclient.Error
	if !errors.As(err, &rerr) {
		t.Fatalf("second redemption: want *rewardsclient.Error, got %v", err)
	}
	if rerr.Code != codes.FailedPrecondition || rerr.Reason != "REDEMPTION_LIMIT_REACHED" || rerr.Domain != "rewards.coupons" {
		t.Fatalf("second redemption: %+v", rerr)
	}
}

// The reply of the first attempt is lost after the server committed the redemption: the
// client's retry interceptor sends the same request_id again and gets the first reply, and a
// later retry by the caller gets it too. The offer counts one redemption.
func TestRetriedRedemptionRedeemsOnce(t *testing.T) {
	client, ctx := dial(t)
	account := createAccount(t, ctx, client)
	offerID, code := offerWithCode(t, ctx, client, nil) // no limit: only idempotency stops a double redemption

	const redeemMethod = "/rewards.coupons.v1.CouponService/RedeemCoupon"
	var sentIDs []string
	dropFirstReply := func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn,
		invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		err := invoker(ctx, method, req, reply, cc, opts...)
		if method == redeemMethod {
			sentIDs = append(sentIDs, req.(*couponsv1.RedeemCouponRequest).GetRequestId())
			if err == nil && len(sentIDs) == 1 {
				return status.Error(codes.Unavailable, "reply lost (injected by the test)")
			}
		}
		return err
	}
	lossy, err := rewardsclient.Dial(ctx, target, creds, rewardsclient.WithDialOptions(
		grpc.WithChainUnaryInterceptor(dropFirstReply))) // runs inside the retry interceptor
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	defer lossy.Close()

	request := redeemRequest(code, account.GetAccountId(), "") // the client fills the request_id
	first, err := lossy.Coupons.RedeemCoupon(ctx, request)
	if err != nil {
		t.Fatalf("RedeemCoupon with a lost first reply: %v", err)
	}
	if len(sentIDs) != 2 || sentIDs[0] == "" || sentIDs[0] != sentIDs[1] || request.GetRequestId() != sentIDs[0] {
		t.Fatalf("attempts sent request ids %v (request has %q), want the same id twice", sentIDs, request.GetRequestId())
	}
	if first.GetRedemptionId() == "" || first.GetCoupon().GetOfferId() != offerID {
		t.Fatalf("unexpected redemption %v", first)
	}
	again, err := client.Coupons.RedeemCoupon(ctx, proto.Clone(request).(*couponsv1.RedeemCouponRequest))
	if err != nil {
		t.Fatalf("RedeemCoupon retried by the caller: %v", err)
	}
	if !proto.Equal(again, first) {
		t.Fatalf("retry reply %v differs from first %v", again, first)
	}
	if got := redeemedCount(t, ctx, client, offerID); got != 1 {
		t.Fatalf("offer redeemed_count %d after one redemption sent three times, want 1", got)
	}

	// A new logical operation (new request_id) is a second redemption: the count does move.
	if _, err := client.Coupons.RedeemCoupon(ctx, redeemRequest(code, account.GetAccountId(), "")); err != nil {
		t.Fatalf("second redemption: %v", err)
	}
	if got := redeemedCount(t, ctx, client, offerID); got != 2 {
		t.Fatalf("offer redeemed_count %d after two redemptions, want 2", got)
	}
}

func redeemedCount(t *testing.T, ctx context.Context, client *rewardsclient.Client, offerID string) int64 {
	t.Helper()
	got, err := client.Offers.GetOffer(ctx, &couponsv1.GetOfferRequest{OfferId: offerID})
	if err != nil {
		t.Fatalf("GetOffer: %v", err)
	}
	return got.GetOffer().GetRedeemedCount()
}

func TestIssuedCouponIsRedeemedOnceByItsHolder(t *testing.T) {
	client, ctx := dial(t)
	account := createAccount(t, ctx, client)
	// No code series: the coupon gets a code of its own (a COMMON code is everyone's, and redeems again).
	offerID := newOffer(t, ctx, client, &couponsv1.OfferRules{MaxAccountIssueCount: 1}).GetOfferId()

	issued, err := client.Coupons.IssueCoupon(ctx, &couponsv1.IssueCouponRequest{OfferId: offerID, AccountId: account.GetAccountId()})
	if err != nil {
		t.Fatalf("IssueCoupon: %v", err)
	}
	coupon := issued.GetCoupon()
	if coupon.GetCode() == "" || coupon.GetOfferId() != offerID || coupon.GetAccountId() != account.GetAccountId() ||
		coupon.GetState() != couponsv1.CouponState_COUPON_STATE_ACTIVE {
		t.Fatalf("issued coupon %v", coupon)
	}
	_, err = client.Coupons.IssueCoupon(ctx, &couponsv1.IssueCouponRequest{OfferId: offerID, AccountId: account.GetAccountId()})
	if reason := rewardsclient.ReasonOf(err); reason != "ISSUE_LIMIT_PER_CUSTOMER_REACHED" {
		t.Fatalf("second IssueCoupon: reason %q (%v)", reason, err)
	}
	redeemed, err := client.Coupons.RedeemCoupon(ctx, redeemRequest(coupon.GetCode(), account.GetAccountId(), ""))
	if err != nil {
		t.Fatalf("RedeemCoupon of the issued code: %v", err)
	}
	if !proto.Equal(redeemed.GetReward().GetDiscountAmount(), eur(500)) || redeemed.GetCoupon().GetCode() != coupon.GetCode() ||
		redeemed.GetCoupon().GetState() != couponsv1.CouponState_COUPON_STATE_REDEEMED {
		t.Fatalf("redemption %v of coupon %v", redeemed, coupon)
	}
	_, err = client.Coupons.RedeemCoupon(ctx, redeemRequest(coupon.GetCode(), account.GetAccountId(), ""))
	if reason := rewardsclient.ReasonOf(err); reason != "COUPON_ALREADY_REDEEMED" {
		t.Fatalf("second redemption of the issued code: reason %q (%v)", reason, err)
	}
	read, err := client.Coupons.GetCoupon(ctx, &couponsv1.GetCouponRequest{Code: coupon.GetCode(), AccountId: account.GetAccountId()})
	if err != nil {
		t.Fatalf("GetCoupon: %v", err)
	}
	if got := read.GetCoupon(); got.GetCouponId() != coupon.GetCouponId() || got.GetRedemptionCount() != 1 ||
		got.GetState() != couponsv1.CouponState_COUPON_STATE_REDEEMED {
		t.Fatalf("GetCoupon %v", got)
	}
}

func TestReverseRedemptionGivesTheUseBack(t *testing.T) {
	client, ctx := dial(t)
	account := createAccount(t, ctx, client)
	_, code := offerWithCode(t, ctx, client, &couponsv1.OfferRules{MaxRedemptionCount: 1})
	first, err := client.Coupons.RedeemCoupon(ctx, redeemRequest(code, account.GetAccountId(), ""))
	if err != nil {
		t.Fatalf("RedeemCoupon: %v", err)
	}
	if _, err := client.Coupons.ReverseRedemption(ctx, &couponsv1.ReverseRedemptionRequest{RedemptionId: first.GetRedemptionId()}); err != nil {
		t.Fatalf("ReverseRedemption: %v", err)
	}
	_, err = client.Coupons.ReverseRedemption(ctx, &couponsv1.ReverseRedemptionRequest{RedemptionId: first.GetRedemptionId()})
	if reason := rewardsclient.ReasonOf(err); reason != "REDEMPTION_ALREADY_REVERSED" {
		t.Fatalf("second reversal: reason %q (%v)", reason, err)
	}
	if _, err := client.Coupons.RedeemCoupon(ctx, redeemRequest(code, account.GetAccountId(), "")); err != nil {
		t.Fatalf("redeem after reversal: %v", err)
	}
}

func TestNotFoundReason(t *testing.T) {
	client, ctx := dial(t)
	_, err := client.Accounts.GetAccount(ctx, &accountsv1.GetAccountRequest{AccountId: rewardsclient.NewRequestID()})
	if reason := rewardsclient.ReasonOf(err); reason != "ACCOUNT_NOT_FOUND" {
		t.Fatalf("reason %q (%v)", reason, err)
	}
	var rerr *rewardsclient.Error
	if !errors.As(err, &rerr) || rerr.Code != codes.NotFound || rerr.Domain != "rewards.accounts" {
		t.Fatalf("error %#v", err)
	}
	if status.Code(err) != codes.NotFound {
		t.Errorf("status.Code = %v", status.Code(err))
	}
	if rerr.RequestID == "" {
		t.Errorf("no x-request-id trailer read back")
	}
}

func TestInvalidArgumentNamesTheField(t *testing.T) {
	client, ctx := dial(t)
	_, err := client.Coupons.RedeemCoupon(ctx, redeemRequest("ANY", "not-a-uuid", ""))
	rerr := rewardsclient.FromError(err)
	if rerr == nil || rerr.Code != codes.InvalidArgument || rerr.Reason != "FIELD_INVALID" || rerr.Metadata["field"] != "account_id" {
		t.Fatalf("error %+v", rerr)
	}
}

// A call with a valid access token but signed with a key that is not the client's is refused.
func TestWrongSigningKeyIsSignatureInvalid(t *testing.T) {
	client, ctx := dial(t)
	conn, err := grpc.NewClient(target,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithChainUnaryInterceptor(
			rewardsclient.UnaryRetryInterceptor(rewardsclient.DefaultRetryPolicy),
			rewardsclient.UnaryBearerInterceptor(client.Tokens), // valid token of creds
			rewardsclient.UnarySigningInterceptor("cs_not-the-client-secret"),
		))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, err = accountsv1.NewAccountServiceClient(conn).CreateAccount(ctx, &accountsv1.CreateAccountRequest{ProgramId: program})
	var rerr *rewardsclient.Error
	if !errors.As(err, &rerr) || rerr.Code != codes.Unauthenticated || rerr.Reason != "SIGNATURE_INVALID" {
		t.Fatalf("wrongly signed call: %v", err)
	}
	// The same call signed with the right key passes.
	if _, err := client.Accounts.CreateAccount(ctx, &accountsv1.CreateAccountRequest{ProgramId: program}); err != nil {
		t.Fatalf("rightly signed call: %v", err)
	}
}

func TestUnsignedMutationIsRefused(t *testing.T) {
	client, ctx := dial(t)
	conn, err := grpc.NewClient(target,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithChainUnaryInterceptor(rewardsclient.UnaryBearerInterceptor(client.Tokens)))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, err = accountsv1.NewAccountServiceClient(conn).CreateAccount(ctx, &accountsv1.CreateAccountRequest{RequestId: rewardsclient.NewRequestID(), ProgramId: program})
	if status.Code(err) != codes.Unauthenticated || rewardsclient.ReasonOf(err) != "SIGNATURE_MISSING" {
		t.Fatalf("unsigned call: %v", err)
	}
}

func TestTokenIsRefreshedAheadOfExpiry(t *testing.T) {
	client, ctx := dial(t)
	account := createAccount(t, ctx, client)
	before := client.Tokens.Current()

	// A margin longer than the token's 15 min lifetime: the next call renews the pair (in the
	// background: the still valid token serves the call meanwhile).
	client.Tokens.SetRefreshMargin(16 * time.Minute)
	got, err := client.Accounts.GetAccount(ctx, &accountsv1.GetAccountRequest{AccountId: account.GetAccountId()})
	if werr := client.Tokens.WaitRenewal(ctx); werr != nil {
		t.Fatalf("waiting for the renewal: %v", werr)
	}
	client.Tokens.SetRefreshMargin(rewardsclient.DefaultRefreshMargin)
	if err != nil {
		t.Fatalf("GetAccount after the refresh: %v", err)
	}
	if got.GetAccount().GetAccountId() != account.GetAccountId() {
		t.Errorf("GetAccount %v", got)
	}
	after := client.Tokens.Current()
	if after.RefreshToken == before.RefreshToken || after.AccessToken == before.AccessToken {
		t.Fatalf("tokens not renewed: refresh changed %v, access changed %v",
			after.RefreshToken != before.RefreshToken, after.AccessToken != before.AccessToken)
	}
	// The renewed pair works for a signed mutation too, and the margin is back to normal:
	// no further renewal.
	if _, err := client.Accounts.CreateAccount(ctx, &accountsv1.CreateAccountRequest{ProgramId: program}); err != nil {
		t.Fatalf("CreateAccount with the refreshed token: %v", err)
	}
	if client.Tokens.Current().RefreshToken != after.RefreshToken {
		t.Errorf("renewed again although the token is fresh")
	}
}

// BulkIssueCoupons is a request stream: the client signs it over an empty body when it opens;
// each batch carries its own request_id, and each row its own reason.
func TestBulkIssueIsSignedAndGivesEachRowItsReason(t *testing.T) {
	client, ctx := dial(t)
	offerID := newOffer(t, ctx, client, nil).GetOfferId()
	stream, err := client.Coupons.BulkIssueCoupons(ctx)
	if err != nil {
		t.Fatalf("BulkIssueCoupons: %v", err)
	}
	batch := &couponsv1.BulkIssueCouponsRequest{RequestId: rewardsclient.NewRequestID(), OfferId: offerID,
		Rows: []*couponsv1.BulkIssueCouponsRequest_Row{
			{Customer: &couponsv1.BulkIssueCouponsRequest_Row_AccountId{AccountId: createAccount(t, ctx, client).GetAccountId()}},
			{Customer: &couponsv1.BulkIssueCouponsRequest_Row_AccountId{AccountId: "not-a-uuid"}},
		}}
	if err := stream.Send(batch); err != nil {
		t.Fatalf("send: %v", err)
	}
	if err := stream.CloseSend(); err != nil {
		t.Fatalf("close send: %v", err)
	}
	reply, err := stream.Recv()
	if err != nil {
		t.Fatalf("BulkIssueCoupons reply: %v (reason %q)", err, rewardsclient.ReasonOf(err))
	}
	rows := reply.GetRows()
	if reply.GetRequestId() != batch.GetRequestId() || reply.GetIssuedCount() != 1 || reply.GetFailedCount() != 1 ||
		len(rows) != 2 || rows[0].GetReason() != "" || rows[0].GetCoupon().GetCode() == "" || rows[1].GetReason() != "INVALID_ACCOUNT_ID" {
		t.Fatalf("BulkIssueCoupons reply %v", reply)
	}
	if _, err := stream.Recv(); !errors.Is(err, io.EOF) {
		t.Fatalf("after the last batch: %v, want io.EOF", err)
	}
}
