package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	checkoutv1 "github.com/rewards-core/rewards-core/clients/go/rewards/checkout/v1"
	couponsv1 "github.com/rewards-core/rewards-core/clients/go/rewards/coupons/v1"
	loyaltyv1 "github.com/rewards-core/rewards-core/clients/go/rewards/loyalty/v1"
	typev1 "github.com/rewards-core/rewards-core/clients/go/rewards/type/v1"
	"github.com/rewards-core/rewards-core/clients/go/rewardsclient"
)

// batchItems: redemptions per BatchRedeemCoupons call.
const batchItems = 100

// basketBurn: points burned by each benchmark basket (an OTP of that amount is requested for it
// beforehand, untimed); basketTotal: its total in minor units (the coupons take 1 EUR each).
const (
	basketBurn  = 1
	basketTotal = 5_000
)

// errExhausted: a one-use pool (unique codes, OTPs) ran dry; the caller stops.
var errExhausted = errors.New("pool exhausted")

type bench struct {
	setup    setupFile
	client   *rewardsclient.Client
	health   healthpb.HealthClient
	duration time.Duration
	warmup   time.Duration
	timeout  time.Duration

	otpMu    sync.Mutex
	otps     map[string]string // otp_id -> code, from the capture file
	otpRead  int64             // bytes of the capture file read so far
	issued   int               // unique codes issued so far (of setup.UniqueCodes)
	sequence atomic.Int64      // for transaction ids

	basketCoupons int // coupon codes per basket (1 or 2)

	// The measured window of the current run (set before its callers start) and, for the basket
	// scenarios, the latency of each phase of the calls that ended inside it.
	measureFrom, measureEnd time.Time
	phases                  *phaseRecorder

	// One-use items prepared but not used by a run, for the next (untimed preparation is most of
	// the bench's time otherwise); leftover puts the current run's back.
	codePool []issuedCode
	otpPool  map[int64][]otpTicket
	leftover func()
}

// phaseRecorder keeps the latency of each RPC of a multi-RPC operation (authorize, capture).
type phaseRecorder struct {
	mu    sync.Mutex
	byRPC map[string][]time.Duration
}

func (p *phaseRecorder) add(b *bench, rpc string, began time.Time) {
	done := time.Now()
	if done.Before(b.measureFrom) || done.After(b.measureEnd) {
		return
	}
	p.mu.Lock()
	p.byRPC[rpc] = append(p.byRPC[rpc], done.Sub(began))
	p.mu.Unlock()
}

// Phase is one RPC of a multi-RPC operation: its latency over the calls answered OK in the window.
type Phase struct {
	Calls int     `json:"calls"`
	P50ms float64 `json:"p50_ms"`
	P90ms float64 `json:"p90_ms"`
	P99ms float64 `json:"p99_ms"`
}

func (p *phaseRecorder) result() map[string]Phase {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[string]Phase{}
	for rpc, lat := range p.byRPC {
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		out[rpc] = Phase{len(lat), percentile(lat, 0.50), percentile(lat, 0.90), percentile(lat, 0.99)}
	}
	return out
}

func (b *bench) account(i int) string { return b.setup.Accounts[i%len(b.setup.Accounts)] }

func eur(minor int64) *typev1.Money { return &typev1.Money{AmountMinor: minor, CurrencyCode: "EUR"} }

// prepare returns the operation of one run of rpc; for the one-use RPCs it first obtains (untimed)
// `needed` unique codes or OTPs. The note says what was prepared.
func (b *bench) prepare(ctx context.Context, rpc string, _ int, needed int) (op, string) {
	switch rpc {
	case "health":
		request := &healthpb.HealthCheckRequest{}
		return func(ctx context.Context, _, _ int) error {
			_, err := b.health.Check(ctx, request)
			return err
		}, ""
	case "redeem_common":
		return func(ctx context.Context, caller, seq int) error {
			_, err := b.client.Coupons.RedeemCoupon(ctx, &couponsv1.RedeemCouponRequest{
				Code: b.setup.CommonCode, AccountId: b.account(int(b.sequence.Add(1))), StoreId: "bench-store",
				BillAmount: eur(5_000), TransactionId: fmt.Sprintf("rc-%d", b.sequence.Add(1))}, rewardsclient.NoRetry())
			return err
		}, ""
	case "validate":
		return func(ctx context.Context, caller, seq int) error {
			_, err := b.client.Coupons.ValidateCoupon(ctx, &couponsv1.ValidateCouponRequest{
				Code: b.setup.CommonCode, AccountId: b.account(int(b.sequence.Add(1))), StoreId: "bench-store",
				BillAmount: eur(5_000)}, rewardsclient.NoRetry())
			return err
		}, ""
	case "earn":
		return func(ctx context.Context, caller, seq int) error {
			n := b.sequence.Add(1)
			_, err := b.client.Loyalty.EarnPoints(ctx, &loyaltyv1.EarnPointsRequest{
				AccountId: b.account(int(n)), StoreId: "bench-store", TransactionId: fmt.Sprintf("earn-%d", n),
				BillAmount: eur(5_000)}, rewardsclient.NoRetry())
			return err
		}, ""
	case "batch_redeem":
		// One call redeems batchItems codes (common code, each item its own request id): its
		// ops/s times batchItems is durable redemptions per second.
		return func(ctx context.Context, caller, seq int) error {
			items := make([]*couponsv1.RedeemCouponRequest, batchItems)
			for i := range items {
				n := b.sequence.Add(1)
				items[i] = &couponsv1.RedeemCouponRequest{
					RequestId: fmt.Sprintf("br-%d-%d", time.Now().UnixNano(), n), Code: b.setup.CommonCode,
					AccountId: b.account(int(n)), StoreId: "bench-store", BillAmount: eur(5_000)}
			}
			reply, err := b.client.Coupons.BatchRedeemCoupons(ctx, &couponsv1.BatchRedeemCouponsRequest{
				Requests: items}, rewardsclient.NoRetry())
			if err != nil {
				return err
			}
			for _, result := range reply.Results {
				if failed := result.GetError(); failed != nil {
					return fmt.Errorf("item refused: %s", failed.Reason)
				}
			}
			return nil
		}, fmt.Sprintf("%d redemptions per call", batchItems)
	case "redeem_unique":
		codes := b.takeCodes(ctx, needed)
		var next atomic.Int64
		b.leftover = func() { b.codePool = append(b.codePool, codes[min(int(next.Load()), len(codes)):]...) }
		return func(ctx context.Context, caller, seq int) error {
			i := int(next.Add(1) - 1)
			if i >= len(codes) {
				return errExhausted
			}
			_, err := b.client.Coupons.RedeemCoupon(ctx, &couponsv1.RedeemCouponRequest{
				Code: codes[i].code, AccountId: codes[i].account, StoreId: "bench-store",
				BillAmount: eur(5_000), TransactionId: fmt.Sprintf("ru-%d", b.sequence.Add(1))}, rewardsclient.NoRetry())
			return err
		}, fmt.Sprintf("%d codes issued beforehand", len(codes))
	case "basket", "basket_void":
		// AuthorizeBasket of one basket (basketCoupons common codes, a burn of basketBurn points
		// with an OTP requested beforehand, an earn), then CaptureBasket ("basket") or VoidBasket
		// ("basket_void"): one operation, timed from the authorization's start to the second
		// answer; each phase's latency is kept too.
		tickets := b.takeOtps(ctx, needed, basketBurn)
		codes := []string{b.setup.CommonCode}
		if b.basketCoupons > 1 {
			codes = append(codes, b.setup.CommonCode2)
		}
		capture := rpc == "basket"
		b.phases = &phaseRecorder{byRPC: map[string][]time.Duration{}}
		phases := b.phases
		var next atomic.Int64
		b.leftover = func() { b.giveOtps(basketBurn, tickets[min(int(next.Load()), len(tickets)):]) }
		return func(ctx context.Context, caller, seq int) error {
			i := int(next.Add(1) - 1)
			if i >= len(tickets) {
				return errExhausted
			}
			began := time.Now()
			authorized, err := b.client.Checkout.AuthorizeBasket(ctx, &checkoutv1.AuthorizeBasketRequest{
				AccountId: tickets[i].account, StoreId: "bench-store",
				TransactionId: fmt.Sprintf("bk-%d-%d", began.UnixNano(), b.sequence.Add(1)),
				Lines:         []*checkoutv1.BasketLine{{Sku: "BENCH-1", ItemCount: 1, LineAmount: eur(basketTotal)}},
				TotalAmount:   eur(basketTotal), CouponCodes: codes, EarnPoints: true,
				PointsBurn: &checkoutv1.PointsBurn{Points: basketBurn, OtpId: tickets[i].otpID, OtpCode: tickets[i].code},
			}, rewardsclient.NoRetry())
			if err != nil {
				return err
			}
			phases.add(b, "AuthorizeBasket", began)
			second := time.Now()
			id := authorized.GetBasket().GetBasketId()
			if capture {
				_, err = b.client.Checkout.CaptureBasket(ctx, &checkoutv1.CaptureBasketRequest{BasketId: id},
					rewardsclient.NoRetry())
				if err == nil {
					phases.add(b, "CaptureBasket", second)
				}
			} else {
				_, err = b.client.Checkout.VoidBasket(ctx, &checkoutv1.VoidBasketRequest{BasketId: id},
					rewardsclient.NoRetry())
				if err == nil {
					phases.add(b, "VoidBasket", second)
				}
			}
			return err
		}, fmt.Sprintf("%d OTPs requested beforehand; %d coupon(s), burn %d, earn", len(tickets), len(codes), basketBurn)
	case "redeem_points":
		tickets := b.takeOtps(ctx, needed, 1)
		var next atomic.Int64
		b.leftover = func() { b.giveOtps(1, tickets[min(int(next.Load()), len(tickets)):]) }
		return func(ctx context.Context, caller, seq int) error {
			i := int(next.Add(1) - 1)
			if i >= len(tickets) {
				return errExhausted
			}
			_, err := b.client.Loyalty.RedeemPoints(ctx, &loyaltyv1.RedeemPointsRequest{
				AccountId: tickets[i].account, Points: 1, OtpId: tickets[i].otpID, OtpCode: tickets[i].code,
				StoreId: "bench-store"}, rewardsclient.NoRetry())
			return err
		}, fmt.Sprintf("%d OTPs requested beforehand", len(tickets))
	}
	fail("unknown rpc " + rpc)
	return nil, ""
}

type issuedCode struct{ code, account string }

// parallel runs f(i) for i in [0, n) on 32 goroutines.
func parallel(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < 32; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// issueCodes issues up to n of the generated unique codes to accounts (round robin).
func (b *bench) issueCodes(ctx context.Context, n int) []issuedCode {
	if left := b.setup.UniqueCodes - b.issued; n > left {
		n = left
	}
	began := time.Now()
	out := make([]issuedCode, n)
	var failures atomic.Int64
	var firstErr atomic.Value
	base := b.issued
	parallel(n, func(i int) {
		account := b.account(base + i)
		callCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		reply, err := b.client.Coupons.IssueCoupon(callCtx, &couponsv1.IssueCouponRequest{
			OfferId: b.setup.UniqueOfferID, AccountId: account, CodeSeriesId: b.setup.UniqueCodeSeriesID})
		if err != nil {
			failures.Add(1)
			firstErr.CompareAndSwap(nil, err.Error())
			return
		}
		out[i] = issuedCode{reply.GetCoupon().GetCode(), account}
	})
	b.issued += n
	kept := out[:0]
	for _, c := range out {
		if c.code != "" {
			kept = append(kept, c)
		}
	}
	fmt.Fprintf(os.Stderr, "loadgen: issued %d unique codes in %v (%d failed: %v)\n", len(kept),
		time.Since(began).Round(time.Millisecond), failures.Load(), firstErr.Load())
	return kept
}

type otpTicket struct {
	account, otpID, code string
	requested            time.Time
}

// otpReuse: how long an OTP left over from a run is used in later ones (OTP_TTL_SECONDS is 300).
const otpReuse = 180 * time.Second

// takeCodes: n issued unique codes, those left over by earlier runs first (a code stays valid).
func (b *bench) takeCodes(ctx context.Context, n int) []issuedCode {
	kept := b.codePool[:min(n, len(b.codePool))]
	b.codePool = b.codePool[len(kept):]
	if n > len(kept) {
		kept = append(kept, b.issueCodes(ctx, n-len(kept))...)
	}
	return kept
}

// takeOtps: n OTPs of `points`, those left over by earlier runs first while fresh.
func (b *bench) takeOtps(ctx context.Context, n int, points int64) []otpTicket {
	var kept, rest []otpTicket
	for _, t := range b.otpPool[points] {
		if time.Since(t.requested) >= otpReuse {
			continue
		}
		if len(kept) < n {
			kept = append(kept, t)
		} else {
			rest = append(rest, t)
		}
	}
	b.otpPool[points] = rest
	if n > len(kept) {
		kept = append(kept, b.requestOtps(ctx, n-len(kept), points)...)
	}
	return kept
}

// giveOtps keeps the OTPs a run did not use for the next one.
func (b *bench) giveOtps(points int64, unused []otpTicket) {
	b.otpPool[points] = append(b.otpPool[points], unused...)
}

// requestOtps requests n OTPs of `points` points (accounts round robin) and reads their codes from
// the server's capture sender file.
func (b *bench) requestOtps(ctx context.Context, n int, points int64) []otpTicket {
	began := time.Now()
	out := make([]otpTicket, n)
	var failures atomic.Int64
	var firstErr atomic.Value
	base := int(b.sequence.Add(int64(n)))
	parallel(n, func(i int) {
		account := b.account(base + i)
		callCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		reply, err := b.client.Loyalty.RequestRedemptionOtp(callCtx, &loyaltyv1.RequestRedemptionOtpRequest{
			AccountId: account, Points: points})
		if err != nil {
			failures.Add(1)
			firstErr.CompareAndSwap(nil, err.Error())
			return
		}
		out[i] = otpTicket{account: account, otpID: reply.GetOtpId(), requested: time.Now()}
	})
	deadline := time.Now().Add(30 * time.Second)
	for {
		b.readOtps()
		missing := 0
		b.otpMu.Lock()
		for i := range out {
			if out[i].otpID != "" && out[i].code == "" {
				if out[i].code = b.otps[out[i].otpID]; out[i].code == "" {
					missing++
				}
			}
		}
		b.otpMu.Unlock()
		if missing == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	kept := out[:0]
	for _, t := range out {
		if t.code != "" {
			kept = append(kept, t)
		}
	}
	fmt.Fprintf(os.Stderr, "loadgen: requested %d OTPs in %v (%d failed: %v)\n", len(kept),
		time.Since(began).Round(time.Millisecond), failures.Load(), firstErr.Load())
	return kept
}

// readOtps reads the capture file's new lines ({"otp_id": ..., "code": ...}).
func (b *bench) readOtps() {
	file, err := os.Open(b.setup.OtpFile)
	if err != nil {
		return
	}
	defer file.Close()
	b.otpMu.Lock()
	defer b.otpMu.Unlock()
	if _, err := file.Seek(b.otpRead, 0); err != nil {
		return
	}
	reader := bufio.NewReaderSize(file, 1<<20)
	for {
		line, err := reader.ReadBytes('\n')
		if err != nil { // a partial last line is read again next time
			return
		}
		b.otpRead += int64(len(line))
		var sent struct {
			OtpID string `json:"otp_id"`
			Code  string `json:"code"`
		}
		if json.Unmarshal(line, &sent) == nil && sent.OtpID != "" {
			b.otps[sent.OtpID] = sent.Code
		}
	}
}

// settle lets the server finish what the last run left (group commits, confirms, timed-out
// calls) before the next one: 1 s, then until health answers SERVING (at most 30 s).
func (b *bench) settle(ctx context.Context) {
	time.Sleep(time.Second)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		callCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
		reply, err := b.health.Check(callCtx, &healthpb.HealthCheckRequest{})
		cancel()
		if err == nil && reply.GetStatus() == healthpb.HealthCheckResponse_SERVING {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	fmt.Fprintln(os.Stderr, "loadgen: the server is still not SERVING 30 s after the last run")
}
