package e2e

import (
	"strings"
	"testing"

	checkoutv1 "github.com/rewards-core/rewards-core/clients/go/rewards/checkout/v1"
	couponsv1 "github.com/rewards-core/rewards-core/clients/go/rewards/coupons/v1"
	"github.com/rewards-core/rewards-core/clients/go/rewardsclient"
)

// A basket with a coupon and an earn, authorized then captured; another authorized then voided
// gives its coupon use back (as the README's checkout example does).
func TestCheckoutAuthorizeCaptureAndVoid(t *testing.T) {
	client, ctx := dial(t)
	programID := newPointsProgram(t, ctx, client)
	accountID := newPointsAccount(t, ctx, client, programID)
	offer, err := client.Offers.CreateOffer(ctx, &couponsv1.CreateOfferRequest{Offer: &couponsv1.Offer{
		ProgramId: programID, DisplayName: "5 EUR off", State: couponsv1.OfferState_OFFER_STATE_ACTIVE,
		Reward: &couponsv1.Reward{Kind: couponsv1.RewardKind_REWARD_KIND_DISCOUNT_AMOUNT, DiscountAmount: eur(500)},
		Rules:  &couponsv1.OfferRules{MaxRedemptionCount: 1},
	}})
	if err != nil {
		t.Fatalf("CreateOffer: %v", err)
	}
	code := "GOB" + strings.ToUpper(strings.ReplaceAll(rewardsclient.NewRequestID(), "-", "")[:12])
	if _, err := client.Offers.CreateCodeSeries(ctx, &couponsv1.CreateCodeSeriesRequest{CodeSeries: &couponsv1.CodeSeries{
		OfferId: offer.GetOffer().GetOfferId(), Type: couponsv1.CodeSeriesType_CODE_SERIES_TYPE_COMMON, CommonCode: code,
	}}); err != nil {
		t.Fatalf("CreateCodeSeries: %v", err)
	}
	authorize := func() (*checkoutv1.Basket, error) {
		reply, err := client.Checkout.AuthorizeBasket(ctx, &checkoutv1.AuthorizeBasketRequest{
			AccountId: accountID, StoreId: "store-1", TransactionId: "tx-" + rewardsclient.NewRequestID(),
			Lines:       []*checkoutv1.BasketLine{{Sku: "SKU-1", ItemCount: 1, LineAmount: eur(2_000)}},
			TotalAmount: eur(2_000), CouponCodes: []string{code}, EarnPoints: true,
		})
		return reply.GetBasket(), err
	}

	// Authorize: the coupon is held, 20 EUR - 5 EUR = 15 EUR to pay, 15 points to earn.
	held, err := authorize()
	if err != nil {
		t.Fatalf("AuthorizeBasket: %v", err)
	}
	if held.GetState() != checkoutv1.BasketState_BASKET_STATE_AUTHORIZED || held.GetPayableAmount().GetAmountMinor() != 1_500 ||
		held.GetEarnedPoints() != 15 || !held.GetCouponResults()[0].GetApplied() {
		t.Fatalf("authorized basket %v", held)
	}
	// The offer's one use is held: a second basket cannot get it.
	if _, err := authorize(); rewardsclient.ReasonOf(err) != "REDEMPTION_LIMIT_REACHED" {
		t.Fatalf("second basket while the first holds the coupon: %v", err)
	}
	// Void: the use comes back, and a new basket gets it; capture that one.
	voided, err := client.Checkout.VoidBasket(ctx, &checkoutv1.VoidBasketRequest{BasketId: held.GetBasketId()})
	if err != nil || voided.GetBasket().GetState() != checkoutv1.BasketState_BASKET_STATE_VOIDED {
		t.Fatalf("VoidBasket: %v %v", voided, err)
	}
	again, err := authorize()
	if err != nil {
		t.Fatalf("AuthorizeBasket after the void: %v", err)
	}
	captured, err := client.Checkout.CaptureBasket(ctx, &checkoutv1.CaptureBasketRequest{BasketId: again.GetBasketId()})
	if err != nil {
		t.Fatalf("CaptureBasket: %v", err)
	}
	if captured.GetBasket().GetState() != checkoutv1.BasketState_BASKET_STATE_CAPTURED ||
		captured.GetBasket().GetEarnPointsTransactionId() == "" {
		t.Fatalf("captured basket %v", captured.GetBasket())
	}
	if _, err := client.Checkout.VoidBasket(ctx, &checkoutv1.VoidBasketRequest{BasketId: again.GetBasketId()}); rewardsclient.ReasonOf(err) != "BASKET_ALREADY_CAPTURED" {
		t.Fatalf("void of a captured basket: %v", err)
	}
}
