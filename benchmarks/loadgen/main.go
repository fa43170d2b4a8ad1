// Command loadgen drives one rewards-core server, set up by benchmarks/setup_bench.py, with the
// Go client (clients/go: tokens, request signing, request ids), and prints one table:
//
//	health          grpc.health.v1 Check on a plain connection: the bare RPC through the same
//	                server (the ceiling)
//	redeem_common   RedeemCoupon on one COMMON code, accounts round robin
//	basket          a checkout basket: AuthorizeBasket (-basket-coupons common codes, a burn of 1
//	                point with an OTP requested beforehand, untimed, and an earn), then
//	                CaptureBasket; one operation from the authorization's start to the capture's
//	                answer (baskets/s), each phase's latency kept too
//	basket_void     the same basket authorized, then VoidBasket
//	redeem_unique   RedeemCoupon on UNIQUE codes issued beforehand (IssueCoupon, untimed)
//	validate        ValidateCoupon on the common code
//	earn            EarnPoints, a new transaction_id each, accounts round robin
//	redeem_points   RedeemPoints of 1 point with OTPs requested beforehand (RequestRedemptionOtp,
//	                untimed; codes read from the server's capture sender file)
//
// each at -concurrency callers (closed loop: every caller sends its next call when the last one
// answered) for -duration after -warmup, and at -open-share of health's peak rate (open loop:
// calls start at fixed times whatever the answers; latency counted from the scheduled start),
// which is run only when the RPC's closed-loop peak reaches that rate (else the row says so),
// and at -open-share of the RPC's own peak (its latency at half load). Columns: ops/s (answered
// OK), p50/p90/p99, share of health's ops/s at the same load, p99 over health's p99 at the
// same rate.
//
// A basket's cost is RedeemCoupon's ops/s over the basket's baskets/s at the same closed-loop load
// (how many unary redemptions the server completes in the time it takes to settle one basket);
// redeem_common is run whenever a basket scenario is. Every closed-loop run also records the CPU
// milliseconds per operation of the server's processes (worker, embedded Postgres and Redis; cpu.go).
//
// It writes the results as JSON (-out) and exits 1 when a share at some concurrency falls below
// its floor in -floors, when a basket's cost exceeds its ceiling there (max_cost_vs_redeem), or
// when more than max_error_share (floors.json) of a closed-loop run's calls failed. It also counts Redis
// commands per unary RedeemCoupon (INFO commandstats before and after -redis-count sequential
// redemptions on the common code, minus what the server sent meanwhile while idle).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	"github.com/rewards-core/rewards-core/clients/go/rewardsclient"
)

type setupFile struct {
	Target             string   `json:"target"`
	OrgID              string   `json:"org_id"`
	ClientID           string   `json:"client_id"`
	ClientSecret       string   `json:"client_secret"`
	RedisSocket        string   `json:"redis_socket"`
	OtpFile            string   `json:"otp_file"`
	ServerPid          int      `json:"server_pid"`
	MetricsPort        int      `json:"metrics_port"`
	Accounts           []string `json:"accounts"`
	CommonCode         string   `json:"common_code"`
	CommonCode2        string   `json:"common_code_2"`
	UniqueOfferID      string   `json:"unique_offer_id"`
	UniqueCodeSeriesID string   `json:"unique_code_series_id"`
	UniqueCodes        int      `json:"unique_codes"`
	PointsPerAccount   int64    `json:"points_per_account"`
}

// Result is one row of the table.
type Result struct {
	RPC         string         `json:"rpc"`
	Load        string         `json:"load"` // "c16", "c64", "open" (share of health's peak), "half" (of its own)
	Concurrency int            `json:"concurrency,omitempty"`
	OfferedRate float64        `json:"offered_rate,omitempty"`
	Seconds     float64        `json:"seconds"`
	OK          int            `json:"ok"`
	Errors      int            `json:"errors"`
	ErrorKinds  map[string]int `json:"error_kinds,omitempty"`
	OpsPerSec   float64        `json:"ops_per_s"`
	P50ms       float64        `json:"p50_ms"`
	P90ms       float64        `json:"p90_ms"`
	P99ms       float64        `json:"p99_ms"`
	Share       float64        `json:"share_of_health"`
	P99VsHealth float64        `json:"p99_vs_health,omitempty"`
	Floor       float64        `json:"floor,omitempty"`
	// The basket scenarios: each RPC's latency, RedeemCoupon's ops/s and p50/p99 at the same load,
	// and the cost (RedeemCoupon's ops/s over the baskets/s) with its ceiling.
	Phases          map[string]Phase `json:"phases,omitempty"`
	RedeemOpsPerSec float64          `json:"redeem_common_ops_per_s,omitempty"`
	RedeemP50ms     float64          `json:"redeem_common_p50_ms,omitempty"`
	RedeemP99ms     float64          `json:"redeem_common_p99_ms,omitempty"`
	CostVsRedeem    float64          `json:"cost_vs_redeem,omitempty"`
	MaxCost         float64          `json:"max_cost_vs_redeem,omitempty"`
	// Closed loop: CPU milliseconds per operation answered OK in the window, by process
	// ("worker", "postgres", "redis", "supervisor": the server's; "loadgen": this one).
	CPUmsPerOp map[string]float64 `json:"cpu_ms_per_op,omitempty"`
	Failed     []string           `json:"failed,omitempty"`
	remeasured *Result            // RedeemCoupon measured again beside this basket run
	Note       string             `json:"note,omitempty"`
	Skipped    bool               `json:"skipped,omitempty"`
}

// Floors is benchmarks/floors.json.
type Floors struct {
	MaxErrorShare float64                       `json:"max_error_share"`
	Shares        map[string]map[string]float64 `json:"shares"`  // rpc -> "c16"/"c64" -> floor
	Targets       map[string]map[string]float64 `json:"targets"` // the targets, printed only
	// rpc -> load -> the most RedeemCoupon calls one basket may cost (baskets fail the bench above)
	MaxCostVsRedeem map[string]map[string]float64 `json:"max_cost_vs_redeem"`
	CostTargets     map[string]map[string]float64 `json:"cost_targets"` // issue 14's, printed only
}

type op func(ctx context.Context, caller, seq int) error

func main() {
	setupPath := flag.String("setup", "", "the JSON written by benchmarks/setup_bench.py")
	duration := flag.Duration("duration", 10*time.Second, "measured time per run")
	warmup := flag.Duration("warmup", 2*time.Second, "unmeasured time before each run")
	concurrency := flag.String("concurrency", "16,64", "closed-loop callers, comma-separated")
	batchConcurrency := flag.String("batch-concurrency", "1,4",
		"closed-loop callers of batch_redeem (each call holds 100 redemptions)")
	openShare := flag.Float64("open-share", 0.5, "open-loop rate as a share of health's peak ops/s (0: no open loop)")
	only := flag.String("only", "", "comma-separated RPCs to run (default all): "+strings.Join(allRPCs, ","))
	floorsPath := flag.String("floors", "benchmarks/floors.json", "floors per RPC (empty: no check)")
	out := flag.String("out", "", "results JSON (default benchmarks/results/<date>.json)")
	redisCount := flag.Int("redis-count", 200, "sequential redemptions for the Redis command count (0: skip)")
	timeout := flag.Duration("timeout", 10*time.Second, "deadline of each call")
	basketCoupons := flag.Int("basket-coupons", 1, "common codes applied in each benchmark basket (1 or 2)")
	flag.Parse()
	if *setupPath == "" {
		fail("-setup is required")
	}
	var setup setupFile
	raw, err := os.ReadFile(*setupPath)
	check(err)
	check(json.Unmarshal(raw, &setup))
	var floors Floors
	if *floorsPath != "" {
		raw, err := os.ReadFile(*floorsPath)
		check(err)
		check(json.Unmarshal(raw, &floors))
	}
	levels, batchLevels := parseLevels(*concurrency), parseLevels(*batchConcurrency)
	selected := map[string]bool{}
	for _, name := range strings.Split(*only, ",") {
		if name = strings.TrimSpace(name); name != "" {
			selected[name] = true
		}
	}
	if selected["basket"] || selected["basket_void"] {
		selected["redeem_common"] = true // what a basket's cost is measured against
	}
	if *basketCoupons < 1 || *basketCoupons > 2 || (*basketCoupons == 2 && setup.CommonCode2 == "") {
		fail("-basket-coupons must be 1 or 2 (2 needs common_code_2 in the setup file)")
	}

	ctx := context.Background()
	dialCtx, cancel := context.WithTimeout(ctx, 60*time.Second)
	client, err := rewardsclient.Dial(dialCtx, setup.Target, rewardsclient.Credentials{
		OrgID: setup.OrgID, ClientID: setup.ClientID, ClientSecret: setup.ClientSecret})
	cancel()
	check(err)
	defer client.Close()
	plain, err := grpc.NewClient(setup.Target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	check(err)
	defer plain.Close()

	b := &bench{setup: setup, client: client, health: healthpb.NewHealthClient(plain),
		duration: *duration, warmup: *warmup, timeout: *timeout, otps: map[string]string{},
		basketCoupons: *basketCoupons, otpPool: map[int64][]otpTicket{}}
	started := time.Now()
	fmt.Fprintf(os.Stderr, "loadgen: %s, 1 server worker, %d cores here, %v per run after %v warm-up\n",
		setup.Target, runtime.NumCPU(), *duration, *warmup)

	var redis *RedisCount
	if *redisCount > 0 && (len(selected) == 0 || selected["redeem_common"]) {
		// First, on a fresh server: what a redemption sends Redis, one caller at a time.
		if redis, err = b.countRedis(ctx, *redisCount); err != nil {
			fmt.Fprintf(os.Stderr, "loadgen: Redis command count failed: %v\n", err)
		}
	}

	var results []*Result
	healthPeak := 0.0
	healthAt := map[string]*Result{}
	for _, rpc := range allRPCs {
		if rpc != "health" && len(selected) > 0 && !selected[rpc] {
			continue
		}
		peak := 0.0
		rpcLevels := levels
		if rpc == "batch_redeem" {
			// 16 callers of 100 items are 1,600 redemptions in flight: past the 10 s deadline.
			rpcLevels = batchLevels
		}
		for _, n := range rpcLevels {
			load := fmt.Sprintf("c%d", n)
			prepared, note := b.prepare(ctx, rpc, n, estimate(results, rpc, load, b.duration+b.warmup))
			r := b.closed(ctx, rpc, prepared, n)
			r.Load, r.Note = load, joinNotes(note, r.Note)
			if isBasket(rpc) {
				b.confirmCost(ctx, r, find(results, "redeem_common", load), floors)
			}
			if rpc == "health" {
				healthAt[load] = r
				healthPeak = max(healthPeak, r.OpsPerSec)
			}
			peak = max(peak, r.OpsPerSec)
			results = append(results, r)
			report(r)
			b.settle(ctx)
		}
		if *openShare <= 0 || healthPeak <= 0 {
			continue
		}
		// Open loop at a share of health's peak: run only where this RPC's own closed-loop peak
		// reaches that rate (beyond it the queue only grows until calls time out and the store
		// breaker opens, which says nothing more and spoils the runs after it).
		rate := healthPeak * *openShare
		if rpc == "health" || peak >= rate {
			prepared, note := b.prepare(ctx, rpc, 0, int(rate*(b.duration+b.warmup).Seconds()*1.1)+100)
			r := b.open(ctx, rpc, prepared, rate)
			r.Load, r.Note = "open", joinNotes(note, r.Note)
			if rpc == "health" {
				healthAt["open"] = r
			}
			results = append(results, r)
			report(r)
			b.settle(ctx)
		} else {
			results = append(results, &Result{RPC: rpc, Load: "open", OfferedRate: rate, Skipped: true,
				Note: fmt.Sprintf("not run: the closed-loop peak %.0f/s is below %.0f/s", peak, rate)})
		}
		// And at the same share of the RPC's own peak: its latency at half load.
		if rpc != "health" && peak > 0 {
			own := peak * *openShare
			prepared, note := b.prepare(ctx, rpc, 0, int(own*(b.duration+b.warmup).Seconds()*1.1)+100)
			r := b.open(ctx, rpc, prepared, own)
			r.Load, r.Note = "half", joinNotes(note, r.Note)
			results = append(results, r)
			report(r)
			b.settle(ctx)
		}
	}

	failed := false
	maxErrors := floors.MaxErrorShare
	if maxErrors == 0 {
		maxErrors = 0.01
	}
	for _, r := range results {
		if r.Skipped {
			continue
		}
		if h := healthAt[r.Load]; h != nil && h.OpsPerSec > 0 {
			r.Share = r.OpsPerSec / h.OpsPerSec
			if r.Load == "open" && h.P99ms > 0 {
				r.P99VsHealth = r.P99ms / h.P99ms
			}
		}
		if redeem := find(results, "redeem_common", r.Load); isBasket(r.RPC) && redeem != nil {
			if r.remeasured != nil { // the pair measured again (confirmCost)
				redeem = r.remeasured
			}
			r.RedeemOpsPerSec, r.RedeemP50ms, r.RedeemP99ms = redeem.OpsPerSec, redeem.P50ms, redeem.P99ms
			if r.Load != "half" && r.Load != "open" {
				if r.OpsPerSec > 0 {
					r.CostVsRedeem = redeem.OpsPerSec / r.OpsPerSec
				}
				if ceiling, ok := floors.MaxCostVsRedeem[r.RPC][r.Load]; ok {
					r.MaxCost = ceiling
					if r.OpsPerSec == 0 || r.CostVsRedeem > ceiling {
						r.Failed = append(r.Failed, fmt.Sprintf("a basket costs %.2f redemptions, above the ceiling %.2f",
							r.CostVsRedeem, ceiling))
					}
				}
			}
		}
		if floor, ok := floors.Shares[r.RPC][r.Load]; ok {
			r.Floor = floor
			if r.Share < floor {
				r.Failed = append(r.Failed, fmt.Sprintf("share %.1f %% below the floor %.1f %%", 100*r.Share, 100*floor))
			}
		}
		// Failed calls fail a closed-loop run or an open one at health's rate; at half the RPC's
		// own peak (a rate measured under other conditions) they are reported only.
		if total := r.OK + r.Errors; total > 0 && float64(r.Errors) > maxErrors*float64(total) && r.Load != "half" {
			r.Failed = append(r.Failed, fmt.Sprintf("%d of %d calls failed (%v)", r.Errors, total, r.ErrorKinds))
		}
		if len(r.Failed) > 0 {
			failed = true
		}
	}

	printTable(os.Stdout, results, setup, *duration, *warmup, redis, floors)
	if *out == "" {
		*out = filepath.Join("benchmarks", "results", time.Now().UTC().Format("2006-01-02")+".json")
	}
	check(os.MkdirAll(filepath.Dir(*out), 0o755))
	doc := map[string]any{
		"date": time.Now().UTC().Format(time.RFC3339), "command": strings.Join(os.Args, " "),
		"cores": runtime.NumCPU(), "server_workers": 1, "duration_s": duration.Seconds(),
		"warmup_s": warmup.Seconds(), "open_share": *openShare, "health_peak_ops_per_s": healthPeak,
		"results": results, "redis_per_redemption": redis, "floors": floors,
		"elapsed_s": time.Since(started).Seconds(), "basket_coupons": *basketCoupons,
	}
	raw, err = json.MarshalIndent(doc, "", " ")
	check(err)
	check(os.WriteFile(*out, append(raw, '\n'), 0o644))
	fmt.Fprintf(os.Stderr, "loadgen: results written to %s\n", *out)
	if failed {
		fmt.Fprintln(os.Stderr, "loadgen: FAILED: a share fell below its floor, a basket cost more than its ceiling "+
			"or too many calls failed (see the table)")
		os.Exit(1)
	}
}

// The basket scenarios run right after redeem_common, so that their cost is measured against it
// on the server in the same state.
var allRPCs = []string{"health", "redeem_common", "basket", "basket_void", "redeem_unique", "validate", "earn",
	"redeem_points", "batch_redeem"}

func isBasket(rpc string) bool { return rpc == "basket" || rpc == "basket_void" }

// find is the result of rpc at load in results, or nil.
func find(results []*Result, rpc, load string) *Result {
	for _, r := range results {
		if r.RPC == rpc && r.Load == load && !r.Skipped {
			return r
		}
	}
	return nil
}

func joinNotes(notes ...string) string {
	var kept []string
	for _, n := range notes {
		if n != "" {
			kept = append(kept, n)
		}
	}
	return strings.Join(kept, "; ")
}

var rpcTitles = map[string]string{
	"health": "Health.Check (bare RPC)", "redeem_common": "RedeemCoupon, common code",
	"redeem_unique": "RedeemCoupon, unique codes", "validate": "ValidateCoupon", "earn": "EarnPoints",
	"redeem_points": "RedeemPoints (OTP)", "batch_redeem": "BatchRedeemCoupons x100",
	"basket": "Basket authorize+capture", "basket_void": "Basket authorize+void",
}

// estimate is how many one-use items (unique codes, OTPs) a run needs: the rate of the closest
// earlier run that resembles it (same load), with room to spare. A basket (two or more RPCs, one
// of them a redemption) is bounded by RedeemCoupon at the same load, or by its own earlier rate
// at a lower load times the ratio of callers.
func estimate(results []*Result, rpc, load string, span time.Duration) int {
	guess := 0.0
	if isBasket(rpc) {
		if r := find(results, "redeem_common", load); r != nil {
			guess = r.OpsPerSec
		}
		for _, r := range results {
			if r.RPC == rpc && r.Concurrency > 0 && !r.Skipped {
				var callers int
				fmt.Sscanf(load, "c%d", &callers)
				own := r.OpsPerSec * max(1, float64(callers)/float64(r.Concurrency))
				if guess == 0 || own < guess {
					guess = own
				}
			}
		}
	}
	if guess == 0 {
		// Its own rate at another closed-loop load (more callers have never gained 1.2x here),
		// else the fastest other write at this load (not ValidateCoupon, a read).
		for _, r := range results {
			if r.RPC == rpc && r.Concurrency > 0 && !r.Skipped {
				guess = max(guess, 1.2*r.OpsPerSec)
			}
		}
		if guess == 0 {
			for _, r := range results {
				if r.Load == load && r.RPC != "health" && r.RPC != "validate" && r.OpsPerSec > guess {
					guess = r.OpsPerSec
				}
			}
		}
	}
	if guess == 0 {
		guess = 500
	}
	return int(guess*span.Seconds()*1.5) + 200
}

func parseLevels(list string) []int {
	var levels []int
	for _, part := range strings.Split(list, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n < 1 {
			fail("bad concurrency list " + list)
		}
		levels = append(levels, n)
	}
	return levels
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "loadgen:", msg)
	os.Exit(2)
}

func check(err error) {
	if err != nil {
		fail(err.Error())
	}
}

func report(r *Result) {
	fmt.Fprintf(os.Stderr, "loadgen: %-14s %-5s %9.0f ops/s  p50 %7.2f  p90 %7.2f  p99 %8.2f ms  errors %d %v\n",
		r.RPC, r.Load, r.OpsPerSec, r.P50ms, r.P90ms, r.P99ms, r.Errors, r.ErrorKinds)
}

// percentile of sorted latencies, nearest rank.
func percentile(sorted []time.Duration, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p*float64(len(sorted))+0.5) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(sorted) {
		i = len(sorted) - 1
	}
	return float64(sorted[i].Microseconds()) / 1000
}

type recorder struct {
	mu        sync.Mutex
	latencies []time.Duration
	errors    int
	kinds     map[string]int
}

func (r *recorder) add(lat time.Duration, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err == nil {
		r.latencies = append(r.latencies, lat)
		return
	}
	r.errors++
	kind := rewardsclient.ReasonOf(err)
	if kind == "" {
		if e := rewardsclient.FromError(err); e != nil {
			kind = e.Code.String()
		} else {
			kind = err.Error()
		}
	}
	if r.kinds == nil {
		r.kinds = map[string]int{}
	}
	r.kinds[kind]++
}

func (r *recorder) result(rpc string, seconds float64) *Result {
	sort.Slice(r.latencies, func(i, j int) bool { return r.latencies[i] < r.latencies[j] })
	return &Result{RPC: rpc, Seconds: seconds, OK: len(r.latencies), Errors: r.errors, ErrorKinds: r.kinds,
		OpsPerSec: float64(len(r.latencies)) / seconds, P50ms: percentile(r.latencies, 0.50),
		P90ms: percentile(r.latencies, 0.90), P99ms: percentile(r.latencies, 0.99)}
}

// closed runs n callers back to back: warm-up, then the measured window; the calls answered
// inside the window are counted (with their whole latency).
func (b *bench) closed(ctx context.Context, rpc string, call op, n int) *Result {
	var rec recorder
	begin := time.Now()
	measureFrom, end := begin.Add(b.warmup), begin.Add(b.warmup+b.duration)
	b.measureFrom, b.measureEnd = measureFrom, end
	cpu := b.cpuWindow(measureFrom, end)
	var ranDry atomic.Int64
	var wg sync.WaitGroup
	for caller := 0; caller < n; caller++ {
		wg.Add(1)
		go func(caller int) {
			defer wg.Done()
			for seq := 0; ; seq++ {
				start := time.Now()
				if !start.Before(end) {
					return
				}
				callCtx, cancel := context.WithTimeout(ctx, b.timeout)
				err := call(callCtx, caller, seq)
				cancel()
				done := time.Now()
				if err == errExhausted {
					ranDry.Add(1)
					return
				}
				if !done.Before(measureFrom) && !done.After(end) { // answered inside the window
					rec.add(done.Sub(start), err)
				}
			}
		}(caller)
	}
	wg.Wait()
	r := rec.result(rpc, b.duration.Seconds())
	r.Concurrency = n
	if spent := <-cpu; r.OK > 0 {
		r.CPUmsPerOp = map[string]float64{}
		for role, ms := range spent {
			r.CPUmsPerOp[role] = ms / float64(r.OK)
		}
	}
	if dry := ranDry.Load(); dry > 0 {
		r.Note = fmt.Sprintf("the prepared pool ran out: %d of %d callers stopped early (ops/s understated)", dry, n)
	}
	b.finishRun(r)
	return r
}

// confirmCost: a basket run whose cost is above its ceiling is measured once more, right after a
// new RedeemCoupon run at the same callers, and that pair counts (a regression fails both; a load
// spike from other processes on the shared machine during one of the two runs seldom does). The
// first figures stay in the note.
func (b *bench) confirmCost(ctx context.Context, r *Result, redeem *Result, floors Floors) {
	ceiling, ok := floors.MaxCostVsRedeem[r.RPC][r.Load]
	if !ok || redeem == nil || (r.OpsPerSec > 0 && redeem.OpsPerSec/r.OpsPerSec <= ceiling) {
		return
	}
	first := fmt.Sprintf("first measured at %.1f baskets/s against %.0f redemptions/s (%.2fx); measured again",
		r.OpsPerSec, redeem.OpsPerSec, redeem.OpsPerSec/max(r.OpsPerSec, 1e-9))
	fmt.Fprintf(os.Stderr, "loadgen: %s %s above its cost ceiling %.2fx: %s\n", r.RPC, r.Load, ceiling, first)
	b.settle(ctx)
	again, _ := b.prepare(ctx, "redeem_common", r.Concurrency, 0)
	fresh := b.closed(ctx, "redeem_common", again, r.Concurrency)
	fresh.Load = r.Load
	report(fresh)
	b.settle(ctx)
	prepared, note := b.prepare(ctx, r.RPC, r.Concurrency, int(fresh.OpsPerSec*(b.duration+b.warmup).Seconds()*1.5)+200)
	second := b.closed(ctx, r.RPC, prepared, r.Concurrency)
	*r = *second
	r.Load, r.Note, r.remeasured = fresh.Load, joinNotes(note, second.Note, first), fresh
}

// finishRun puts back what the run that just ended left of its one-use items and moves its phase
// latencies (basket scenarios) into r.
func (b *bench) finishRun(r *Result) {
	if b.leftover != nil {
		b.leftover()
		b.leftover = nil
	}
	if b.phases != nil {
		r.Phases = b.phases.result()
		b.phases = nil
	}
}

// open starts calls at a fixed rate (each in its own goroutine) for warm-up + duration; the
// latency of a call runs from its scheduled start, so a server that falls behind is charged.
func (b *bench) open(ctx context.Context, rpc string, call op, rate float64) *Result {
	var rec recorder
	interval := time.Duration(float64(time.Second) / rate)
	begin := time.Now()
	measureFrom, end := begin.Add(b.warmup), begin.Add(b.warmup+b.duration)
	b.measureFrom, b.measureEnd = measureFrom, end
	var ranDry atomic.Int64
	var wg sync.WaitGroup
	var inflight atomic.Int64
	for seq := 0; ; seq++ {
		scheduled := begin.Add(time.Duration(seq) * interval)
		if !scheduled.Before(end) {
			break
		}
		if wait := time.Until(scheduled); wait > 0 {
			time.Sleep(wait)
		}
		wg.Add(1)
		inflight.Add(1)
		go func(seq int, scheduled time.Time) {
			defer wg.Done()
			defer inflight.Add(-1)
			callCtx, cancel := context.WithTimeout(ctx, b.timeout)
			err := call(callCtx, seq%1024, seq)
			cancel()
			if err == errExhausted {
				ranDry.Add(1)
				return
			}
			if !scheduled.Before(measureFrom) {
				rec.add(time.Since(scheduled), err)
			}
		}(seq, scheduled)
	}
	wg.Wait()
	r := rec.result(rpc, b.duration.Seconds())
	r.OfferedRate = rate
	if dry := ranDry.Load(); dry > 0 {
		r.Note = fmt.Sprintf("the prepared pool ran out: %d calls not sent (ops/s understated)", dry)
	}
	b.finishRun(r)
	return r
}
