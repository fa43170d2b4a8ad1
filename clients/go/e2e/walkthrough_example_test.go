package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/rewards-core/rewards-core/clients/go/examples/walkthrough"
	"github.com/rewards-core/rewards-core/clients/go/rewardsclient"
)

// The README's walkthroughs (package examples/walkthrough, run by `go run ./examples/first-coupon`
// and `./examples/first-points`) against the server TestMain started: go test compares what they
// print with the // Output: comments, so the examples cannot go stale. Without a server binary
// TestMain skips them (-test.skip), as it skips the tests.

func Example_firstCoupon() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client, err := rewardsclient.Dial(ctx, target, creds)
	if err != nil {
		fmt.Println("dial:", err)
		return
	}
	defer client.Close()
	if err := walkthrough.FirstCoupon(ctx, client, os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// generated 100 codes
	// issued a coupon: COUPON_STATE_ACTIVE
	// validated: redeemable, 500 EUR off
	// redeemed: 500 EUR off
	// redeemed again: COUPON_ALREADY_REDEEMED
	// reversed: coupon COUPON_STATE_ACTIVE, 0 redemptions
}

func Example_firstPoints() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client, err := rewardsclient.Dial(ctx, target, creds)
	if err != nil {
		fmt.Println("dial:", err)
		return
	}
	defer client.Close()
	// The member would read the OTP out; the test server's capture sender wrote it to otpFile.
	if err := walkthrough.FirstPoints(ctx, client, capturedOTP, os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// earned 120 points
	// balance: 120 points available
	// redeemed 50 points: 70 left
	// refunded 20 points: 50 left
	// balance: 50 points available
}

// capturedOTP is the code of the redemption OTP otpID as the server's capture sender wrote it.
func capturedOTP(_ context.Context, otpID string) (string, error) {
	file, err := os.Open(otpFile)
	if err != nil {
		return "", err
	}
	defer file.Close()
	scanner := bufio.NewScanner(file)
	for scanner.Scan() {
		var sent struct {
			OtpID string `json:"otp_id"`
			Code  string `json:"code"`
		}
		if err := json.Unmarshal(scanner.Bytes(), &sent); err != nil {
			return "", fmt.Errorf("captured OTP line %q: %w", scanner.Text(), err)
		}
		if sent.OtpID == otpID {
			return sent.Code, nil
		}
	}
	return "", fmt.Errorf("no OTP %s in %s (%v)", otpID, otpFile, scanner.Err())
}
