package rewardsclient_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	accountsv1 "github.com/rewards-core/rewards-core/clients/go/rewards/accounts/v1"
	loyaltyv1 "github.com/rewards-core/rewards-core/clients/go/rewards/loyalty/v1"
	typev1 "github.com/rewards-core/rewards-core/clients/go/rewards/type/v1"
	"github.com/rewards-core/rewards-core/clients/go/rewardsclient"
)

// The README's points example: a program earning a point per euro, an account, a purchase, the
// balance, and a redemption proved by the OTP the member received. Compiled (not run) by go test.
func Example_points() {
	// Minutes, not seconds: the member reads the OTP out at the till.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	// Scopes: loyalty:admin (programs), accounts:write, loyalty:earn, loyalty:read, loyalty:redeem.
	client, err := rewardsclient.Dial(ctx, "localhost:50051", rewardsclient.Credentials{
		OrgID:        "acme",
		ClientID:     os.Getenv("REWARDS_CLIENT_ID"),
		ClientSecret: os.Getenv("REWARDS_CLIENT_SECRET"),
	})
	if err != nil {
		log.Fatalf("dial: %v", err)
	}
	defer client.Close()

	setUpProgram(ctx, client, "demo-points")
	created, err := client.Accounts.CreateAccount(ctx, &accountsv1.CreateAccountRequest{ProgramId: "demo-points"})
	if err != nil {
		log.Fatalf("create account: %v", err)
	}
	accountID := created.GetAccount().GetAccountId()

	// A purchase of 123.99 EUR earns 123 points. The client fills RequestId; its retries (and
	// yours, with the same request message) earn once.
	earned, err := client.Loyalty.EarnPoints(ctx, &loyaltyv1.EarnPointsRequest{
		AccountId: accountID, StoreId: "store-1", TransactionId: "pos-7-000123",
		BillAmount: &typev1.Money{AmountMinor: 12_399, CurrencyCode: "EUR"},
	})
	if err != nil {
		log.Fatalf("earn: %v", err)
	}
	log.Printf("earned %d points", earned.GetTransaction().GetPoints())

	balance, err := client.Loyalty.GetBalance(ctx, &loyaltyv1.GetBalanceRequest{AccountId: accountID})
	if err != nil {
		log.Fatalf("balance: %v", err)
	}
	log.Printf("%d points available", balance.GetBalance().GetAvailablePoints())

	redeemWithOtp(ctx, client, accountID, 100)
}

// setUpProgram creates the program with one purchase rule: a point per full euro (100 minor
// units), floored. A program created by an earlier run is left as it is.
func setUpProgram(ctx context.Context, client *rewardsclient.Client, programID string) {
	_, err := client.Programs.CreateProgram(ctx, &loyaltyv1.CreateProgramRequest{Program: &loyaltyv1.Program{
		ProgramId: programID, DisplayName: "Demo points", CurrencyCode: "EUR", TimeZone: "Europe/Berlin",
	}})
	if rewardsclient.ReasonOf(err) == "PROGRAM_ALREADY_EXISTS" {
		return
	} else if err != nil {
		log.Fatalf("create program: %v", err)
	}
	_, err = client.Programs.CreateEarnRule(ctx, &loyaltyv1.CreateEarnRuleRequest{EarnRule: &loyaltyv1.EarnRule{
		ProgramId: programID, DisplayName: "1 point per EUR",
		Config: &loyaltyv1.EarnRule_Ratio{Ratio: &loyaltyv1.RatioEarnRule{PointsNumerator: 1, AmountMinorDenominator: 100}},
	}})
	if err != nil {
		log.Fatalf("create earn rule: %v", err)
	}
}

// redeemWithOtp redeems points with the one-time password the server sends to the member (SMS
// or e-mail), typed in here.
func redeemWithOtp(ctx context.Context, client *rewardsclient.Client, accountID string, points int64) {
	ticket, err := client.Loyalty.RequestRedemptionOtp(ctx, &loyaltyv1.RequestRedemptionOtpRequest{
		AccountId: accountID, Points: points})
	if err != nil {
		log.Fatalf("request OTP: %v", err) // e.g. INSUFFICIENT_POINTS, REDEMPTION_THRESHOLD_NOT_MET
	}
	var code string
	fmt.Print("the 6-digit code the member received: ")
	if _, err := fmt.Scanln(&code); err != nil {
		log.Fatalf("read code: %v", err)
	}
	redeemed, err := client.Loyalty.RedeemPoints(ctx, &loyaltyv1.RedeemPointsRequest{
		AccountId: accountID, Points: points, OtpId: ticket.GetOtpId(), OtpCode: code, StoreId: "store-1"})
	var rerr *rewardsclient.Error
	switch {
	case err == nil:
		log.Printf("redeemed %d points, %d left", points, redeemed.GetBalance().GetAvailablePoints())
	case errors.As(err, &rerr) && rerr.Reason == "OTP_INVALID":
		log.Printf("wrong code, %s tries left: ask again, with the same OtpId", rerr.Metadata["tries_left"])
	case rewardsclient.ReasonOf(err) == "OTP_LOCKED", rewardsclient.ReasonOf(err) == "OTP_NOT_FOUND":
		log.Printf("request a new OTP: %v", err) // locked by wrong codes, or expired
	default:
		log.Fatalf("redeem: %v", err)
	}
}
