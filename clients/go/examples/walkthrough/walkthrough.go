// Package walkthrough is the repository README's "First coupon" and "First points" walkthroughs
// with the Go client, as functions that print their outcomes to an io.Writer. The commands
// ../first-coupon and ../first-points run them against a live server (`make run`):
//
//	cd clients/go
//	REWARDS_CREDENTIALS_FILE=client.json go run ./examples/first-coupon
//	REWARDS_CREDENTIALS_FILE=client.json go run ./examples/first-points   # asks for the OTP
//
// and the e2e suite runs them against a real server as Examples with their // Output: (e2e/
// walkthrough_example_test.go), so the printed outcomes cannot go stale.
package walkthrough

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	accountsv1 "github.com/rewards-core/rewards-core/clients/go/rewards/accounts/v1"
	couponsv1 "github.com/rewards-core/rewards-core/clients/go/rewards/coupons/v1"
	loyaltyv1 "github.com/rewards-core/rewards-core/clients/go/rewards/loyalty/v1"
	typev1 "github.com/rewards-core/rewards-core/clients/go/rewards/type/v1"
	"github.com/rewards-core/rewards-core/clients/go/rewardsclient"
)

// DefaultTarget is the address of `make run`.
const DefaultTarget = "localhost:50051"

func eur(minor int64) *typev1.Money { return &typev1.Money{AmountMinor: minor, CurrencyCode: "EUR"} }

// suffix makes the ids of one run unique, so a walkthrough can run again on the same server.
func suffix() string { return strings.ReplaceAll(rewardsclient.NewRequestID(), "-", "")[:8] }

// newProgram creates a EUR program: accounts and offers belong to one.
func newProgram(ctx context.Context, client *rewardsclient.Client) (string, error) {
	programID := "demo-" + suffix()
	if _, err := client.Programs.CreateProgram(ctx, &loyaltyv1.CreateProgramRequest{Program: &loyaltyv1.Program{
		ProgramId: programID, DisplayName: "Demo", CurrencyCode: "EUR", TimeZone: "Europe/Berlin",
	}}); err != nil {
		return "", fmt.Errorf("create program: %w", err)
	}
	return programID, nil
}

func newAccount(ctx context.Context, client *rewardsclient.Client, programID string) (string, error) {
	created, err := client.Accounts.CreateAccount(ctx, &accountsv1.CreateAccountRequest{ProgramId: programID,
		Identifiers: []*accountsv1.Identifier{{Type: accountsv1.IdentifierType_IDENTIFIER_TYPE_CARDCODE, Value: "CARD-" + suffix()}}})
	if err != nil {
		return "", fmt.Errorf("create account: %w", err)
	}
	return created.GetAccount().GetAccountId(), nil
}

// FirstCoupon: a program, an account, an offer (5 EUR off a bill of 20 EUR or more, at most 1,000
// redemptions) with a series of 100 generated codes, a coupon issued to the account, validated and
// redeemed at the till, a second redemption refused, and the redemption reversed. Scopes:
// loyalty:admin, accounts:write, coupons:admin, coupons:redeem, coupons:read.
func FirstCoupon(ctx context.Context, client *rewardsclient.Client, out io.Writer) error {
	programID, err := newProgram(ctx, client)
	if err != nil {
		return err
	}
	accountID, err := newAccount(ctx, client, programID)
	if err != nil {
		return err
	}

	offer, err := client.Offers.CreateOffer(ctx, &couponsv1.CreateOfferRequest{Offer: &couponsv1.Offer{
		ProgramId: programID, DisplayName: "5 EUR off", State: couponsv1.OfferState_OFFER_STATE_ACTIVE,
		Reward: &couponsv1.Reward{Kind: couponsv1.RewardKind_REWARD_KIND_DISCOUNT_AMOUNT, DiscountAmount: eur(500)},
		Rules:  &couponsv1.OfferRules{MaxRedemptionCount: 1000, MinBillAmount: eur(2000)},
	}})
	if err != nil {
		return fmt.Errorf("create offer: %w", err)
	}
	offerID := offer.GetOffer().GetOfferId()
	series, err := client.Offers.CreateCodeSeries(ctx, &couponsv1.CreateCodeSeriesRequest{CodeSeries: &couponsv1.CodeSeries{
		OfferId: offerID, Type: couponsv1.CodeSeriesType_CODE_SERIES_TYPE_UNIQUE_GENERATED, Length: 10}})
	if err != nil {
		return fmt.Errorf("create code series: %w", err)
	}
	// GenerateCodes streams its progress; the last message has the total.
	stream, err := client.Offers.GenerateCodes(ctx, &couponsv1.GenerateCodesRequest{
		CodeSeriesId: series.GetCodeSeries().GetCodeSeriesId(), Count: 100})
	if err != nil {
		return fmt.Errorf("generate codes: %w", err)
	}
	var total int64
	for {
		progress, err := stream.Recv()
		if err == io.EOF {
			break
		} else if err != nil {
			return fmt.Errorf("generate codes: %w", rewardsclient.FromError(err))
		}
		total = progress.GetTotalCount()
	}
	fmt.Fprintf(out, "generated %d codes\n", total)

	// Issue a coupon to the account, check it at the till, redeem it, and take the redemption back.
	issued, err := client.Coupons.IssueCoupon(ctx, &couponsv1.IssueCouponRequest{OfferId: offerID, AccountId: accountID})
	if err != nil {
		return fmt.Errorf("issue coupon: %w", err)
	}
	fmt.Fprintf(out, "issued a coupon: %s\n", issued.GetCoupon().GetState())
	code := issued.GetCoupon().GetCode()

	checked, err := client.Coupons.ValidateCoupon(ctx, &couponsv1.ValidateCouponRequest{
		Code: code, AccountId: accountID, StoreId: "store-1", BillAmount: eur(4990)})
	if err != nil {
		return fmt.Errorf("validate coupon: %w", err)
	}
	verdict := "redeemable"
	if !checked.GetRedeemable() {
		verdict = checked.GetReason()
	}
	discount := checked.GetReward().GetDiscountAmount()
	fmt.Fprintf(out, "validated: %s, %d %s off\n", verdict, discount.GetAmountMinor(), discount.GetCurrencyCode())

	// The client fills RequestId; its retries (and yours, with this same message) redeem once.
	redeemed, err := client.Coupons.RedeemCoupon(ctx, &couponsv1.RedeemCouponRequest{
		Code: code, AccountId: accountID, StoreId: "store-1", BillAmount: eur(4990)})
	if err != nil {
		return fmt.Errorf("redeem coupon: %w", err)
	}
	discount = redeemed.GetReward().GetDiscountAmount()
	fmt.Fprintf(out, "redeemed: %d %s off\n", discount.GetAmountMinor(), discount.GetCurrencyCode())

	// A new request (a new RequestId): the coupon is used up.
	_, err = client.Coupons.RedeemCoupon(ctx, &couponsv1.RedeemCouponRequest{
		Code: code, AccountId: accountID, StoreId: "store-1", BillAmount: eur(4990)})
	if err == nil {
		fmt.Fprintln(out, "redeemed again: accepted")
	} else if reason := rewardsclient.ReasonOf(err); reason != "" {
		fmt.Fprintf(out, "redeemed again: %s\n", reason) // switch on the stable reason
	} else {
		return fmt.Errorf("redeem again: %w", err)
	}

	if _, err := client.Coupons.ReverseRedemption(ctx, &couponsv1.ReverseRedemptionRequest{
		RedemptionId: redeemed.GetRedemptionId()}); err != nil {
		return fmt.Errorf("reverse redemption: %w", err)
	}
	coupon, err := client.Coupons.GetCoupon(ctx, &couponsv1.GetCouponRequest{Code: code, AccountId: accountID})
	if err != nil {
		return fmt.Errorf("get coupon: %w", err)
	}
	fmt.Fprintf(out, "reversed: coupon %s, %d redemptions\n", coupon.GetCoupon().GetState(), coupon.GetCoupon().GetRedemptionCount())
	return nil
}

// ReadOTP returns the 6 digits the member received for the redemption OTP otpID.
type ReadOTP func(ctx context.Context, otpID string) (string, error)

// FirstPoints: a program whose purchase rule gives a point per full euro, an account, a purchase of
// 120 EUR, the balance, a redemption of 50 points proved by the one-time password sent to the
// member (readOTP), and a refund of 20 of the points earned. Scopes: loyalty:admin,
// accounts:write, loyalty:earn, loyalty:read, loyalty:redeem.
func FirstPoints(ctx context.Context, client *rewardsclient.Client, readOTP ReadOTP, out io.Writer) error {
	programID, err := newProgram(ctx, client)
	if err != nil {
		return err
	}
	// One point per full euro (100 minor units, floored).
	if _, err := client.Programs.CreateEarnRule(ctx, &loyaltyv1.CreateEarnRuleRequest{EarnRule: &loyaltyv1.EarnRule{
		ProgramId: programID, DisplayName: "1 point per EUR",
		Config: &loyaltyv1.EarnRule_Ratio{Ratio: &loyaltyv1.RatioEarnRule{PointsNumerator: 1, AmountMinorDenominator: 100}},
	}}); err != nil {
		return fmt.Errorf("create earn rule: %w", err)
	}
	member, err := newAccount(ctx, client, programID)
	if err != nil {
		return err
	}

	// A purchase of 120 EUR earns 120 points; the balance shows them. The receipt's TransactionId
	// makes a second earn for it PURCHASE_ALREADY_EARNED.
	earned, err := client.Loyalty.EarnPoints(ctx, &loyaltyv1.EarnPointsRequest{
		AccountId: member, StoreId: "store-1", TransactionId: "receipt-" + suffix(), BillAmount: eur(12_000)})
	if err != nil {
		return fmt.Errorf("earn: %w", err)
	}
	fmt.Fprintf(out, "earned %d points\n", earned.GetTransaction().GetPoints())
	if err := printBalance(ctx, client, member, out); err != nil {
		return err
	}

	// Burning points needs a one-time password sent to the customer.
	ticket, err := client.Loyalty.RequestRedemptionOtp(ctx, &loyaltyv1.RequestRedemptionOtpRequest{AccountId: member, Points: 50})
	if err != nil {
		return fmt.Errorf("request OTP: %w", err) // e.g. INSUFFICIENT_POINTS
	}
	otpCode, err := readOTP(ctx, ticket.GetOtpId())
	if err != nil {
		return fmt.Errorf("read OTP: %w", err)
	}
	redeemed, err := client.Loyalty.RedeemPoints(ctx, &loyaltyv1.RedeemPointsRequest{
		AccountId: member, Points: 50, OtpId: ticket.GetOtpId(), OtpCode: otpCode, StoreId: "store-1"})
	var rerr *rewardsclient.Error
	switch {
	case err == nil:
	case errors.As(err, &rerr) && rerr.Reason == "OTP_INVALID": // ask again, with the same OtpId
		fmt.Fprintf(out, "wrong code, %s tries left\n", rerr.Metadata["tries_left"])
		return nil
	default: // OTP_LOCKED (too many wrong codes), OTP_NOT_FOUND (expired): request a new one
		return fmt.Errorf("redeem: %w", err)
	}
	fmt.Fprintf(out, "redeemed 50 points: %d left\n", redeemed.GetBalance().GetAvailablePoints())

	// The order is cancelled: refund 20 of the 120 points earned.
	refunded, err := client.Loyalty.RefundPoints(ctx, &loyaltyv1.RefundPointsRequest{
		PointsTransactionId: earned.GetTransaction().GetPointsTransactionId(), Points: 20})
	if err != nil {
		return fmt.Errorf("refund: %w", err)
	}
	fmt.Fprintf(out, "refunded 20 points: %d left\n", refunded.GetBalance().GetAvailablePoints())
	return printBalance(ctx, client, member, out)
}

func printBalance(ctx context.Context, client *rewardsclient.Client, accountID string, out io.Writer) error {
	got, err := client.Loyalty.GetBalance(ctx, &loyaltyv1.GetBalanceRequest{AccountId: accountID})
	if err != nil {
		return fmt.Errorf("balance: %w", err)
	}
	fmt.Fprintf(out, "balance: %d points available\n", got.GetBalance().GetAvailablePoints())
	return nil
}

// Target is REWARDS_TARGET, default DefaultTarget.
func Target() string {
	if target := os.Getenv("REWARDS_TARGET"); target != "" {
		return target
	}
	return DefaultTarget
}

// CredentialsFromEnv reads REWARDS_CREDENTIALS_FILE (the JSON `rewards-core clients create`
// prints), else REWARDS_ORG_ID, REWARDS_CLIENT_ID and REWARDS_CLIENT_SECRET, as `rewards-core
// call` does.
func CredentialsFromEnv() (rewardsclient.Credentials, error) {
	path := os.Getenv("REWARDS_CREDENTIALS_FILE")
	if path == "" {
		creds := rewardsclient.Credentials{OrgID: os.Getenv("REWARDS_ORG_ID"), ClientID: os.Getenv("REWARDS_CLIENT_ID"),
			ClientSecret: os.Getenv("REWARDS_CLIENT_SECRET")}
		if creds.OrgID == "" || creds.ClientID == "" || creds.ClientSecret == "" {
			return creds, fmt.Errorf("set REWARDS_CREDENTIALS_FILE, or REWARDS_ORG_ID, REWARDS_CLIENT_ID and REWARDS_CLIENT_SECRET")
		}
		return creds, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return rewardsclient.Credentials{}, err
	}
	var created struct {
		OrgID        string `json:"org_id"`
		ClientID     string `json:"client_id"`
		ClientSecret string `json:"client_secret"`
	}
	if err := json.Unmarshal(data, &created); err != nil {
		return rewardsclient.Credentials{}, fmt.Errorf("%s: %w", path, err)
	}
	return rewardsclient.Credentials{OrgID: created.OrgID, ClientID: created.ClientID, ClientSecret: created.ClientSecret}, nil
}
