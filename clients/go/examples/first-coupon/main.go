// Command first-coupon runs the README's "First coupon" walkthrough (package walkthrough) against
// a live server: REWARDS_TARGET (default localhost:50051) and the API client in
// REWARDS_CREDENTIALS_FILE (as `rewards-core clients create` prints it) or REWARDS_ORG_ID,
// REWARDS_CLIENT_ID and REWARDS_CLIENT_SECRET.
//
//	cd clients/go && REWARDS_CREDENTIALS_FILE=../../client.json go run ./examples/first-coupon
package main

import (
	"context"
	"log"
	"os"
	"time"

	"github.com/rewards-core/rewards-core/clients/go/examples/walkthrough"
	"github.com/rewards-core/rewards-core/clients/go/rewardsclient"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
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
	if err := walkthrough.FirstCoupon(ctx, client, os.Stdout); err != nil {
		log.Fatal(err) // e.g. create offer: rewards: PERMISSION_DENIED: ...
	}
}
