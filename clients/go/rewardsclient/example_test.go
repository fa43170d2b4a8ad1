package rewardsclient_test

import (
	"context"
	"errors"
	"log"
	"os"
	"time"

	accountsv1 "github.com/rewards-core/rewards-core/clients/go/rewards/accounts/v1"
	couponsv1 "github.com/rewards-core/rewards-core/clients/go/rewards/coupons/v1"
	typev1 "github.com/rewards-core/rewards-core/clients/go/rewards/type/v1"
	"github.com/rewards-core/rewards-core/clients/go/rewardsclient"
)

// The README example: dial, create an account, redeem a coupon, handle the error reason.
// Compiled (not run) by go test.
func Example() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	client, err := rewardsclient.Dial(ctx, "localhost:50051", rewardsclient.Credentials{
		OrgID:        "acme",
		ClientID:     os.Getenv("REWARDS_CLIENT_ID"),
		ClientSecret: os.Getenv("REWARDS_CLIENT_SECRET"),
	})
	if err != nil {
		log.Fatalf("dial: %v", err) // e.g. rewards: CLIENT_CREDENTIALS_INVALID: ...
	}
	defer client.Close()

	created, err := client.Accounts.CreateAccount(ctx, &accountsv1.CreateAccountRequest{ProgramId: "demo"})
	if err != nil {
		log.Fatalf("create account: %v", err)
	}
	accountID := created.GetAccount().GetAccountId()

	redeem := &couponsv1.RedeemCouponRequest{
		// RequestId left empty: the client sets a new one (readable afterwards in
		// redeem.RequestId) and retries UNAVAILABLE / DEADLINE_EXCEEDED with that same id.
		Code:          "SUMMER24",
		AccountId:     accountID,
		StoreId:       "store-1",
		BillAmount:    &typev1.Money{AmountMinor: 2000, CurrencyCode: "EUR"},
		TransactionId: "pos-7-000123",
	}
	redeemed, err := client.Coupons.RedeemCoupon(ctx, redeem)
	var rerr *rewardsclient.Error
	switch {
	case err == nil:
		log.Printf("redeemed %s: %d off", redeemed.GetRedemptionId(),
			redeemed.GetReward().GetDiscountAmount().GetAmountMinor())
	case rewardsclient.ReasonOf(err) == "REDEMPTION_LIMIT_REACHED":
		log.Printf("this coupon has been used up")
	case errors.As(err, &rerr) && rerr.Reason == "REDEMPTION_GAP_NOT_ELAPSED":
		log.Printf("try again after %s", rerr.Metadata["retry_time"])
	case errors.As(err, &rerr) && rerr.Retryable():
		// Still failing after the client's retries: safe to try later with the same request_id.
		log.Printf("try later (request_id %s, after %v): %v", redeem.RequestId, rerr.RetryDelay, err)
	default:
		log.Printf("refused: %v", err) // status.Code(err) works too
	}
}
