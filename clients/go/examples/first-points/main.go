// Command first-points runs the README's "First points" walkthrough (package walkthrough)
// against a live server, with the target and credentials of ../first-coupon. It asks on stderr
// for the OTP sent to the member and reads its 6 digits from stdin (`make run` writes each OTP to
// its log: "redemption OTP <otp_id> for account ...: <6 digits>").
//
//	cd clients/go && REWARDS_CREDENTIALS_FILE=../../client.json go run ./examples/first-points
package main

import (
	"bufio"
	"context"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/rewards-core/rewards-core/clients/go/examples/walkthrough"
	"github.com/rewards-core/rewards-core/clients/go/rewardsclient"
)

func main() {
	// Minutes, not seconds: the member reads the OTP out at the till.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	creds, err := walkthrough.CredentialsFromEnv()
	if err != nil {
		log.Fatal(err)
	}
	client, err := rewardsclient.Dial(ctx, walkthrough.Target(), creds)
	if err != nil {
		log.Fatalf("dial: %v", err)
	}
	defer client.Close()
	stdin := bufio.NewReader(os.Stdin)
	readOTP := func(_ context.Context, otpID string) (string, error) {
		fmt.Fprintf(os.Stderr, "OTP %s was sent to the member: type its 6 digits\n", otpID)
		line, err := stdin.ReadString('\n')
		return strings.TrimSpace(line), err
	}
	if err := walkthrough.FirstPoints(ctx, client, readOTP, os.Stdout); err != nil {
		log.Fatal(err)
	}
}
