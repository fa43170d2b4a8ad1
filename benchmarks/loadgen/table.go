package main

import (
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"
	"time"
)

func printTable(w io.Writer, results []*Result, setup setupFile, duration, warmup time.Duration,
	redis *RedisCount, floors Floors) {
	fmt.Fprintf(w, "\nrewards-core, 1 server worker, %d cores, Go client (signed, bearer token); closed loop: "+
		"%v measured after %v warm-up; open: fixed rate, latency from the scheduled start\n",
		runtime.NumCPU(), duration, warmup)
	fmt.Fprintf(w, "%-27s %-11s %9s %8s %8s %8s %7s %7s %6s %s\n",
		"RPC", "load", "ops/s", "p50 ms", "p90 ms", "p99 ms", "share", "floor", "p99/h", "errors")
	for _, r := range results {
		load := r.Load
		if r.Load == "open" || r.Load == "half" {
			load = fmt.Sprintf("%.0f/s", r.OfferedRate)
			if r.Load == "half" {
				load += " (½)"
			}
		} else {
			load = fmt.Sprintf("%d callers", r.Concurrency)
		}
		share, floor, p99h := "-", "-", "-"
		if r.RPC != "health" && r.Share > 0 {
			share = fmt.Sprintf("%.1f%%", 100*r.Share)
		}
		if r.Floor > 0 {
			floor = fmt.Sprintf("%.1f%%", 100*r.Floor)
		}
		if r.P99VsHealth > 0 && r.RPC != "health" {
			p99h = fmt.Sprintf("%.1fx", r.P99VsHealth)
		}
		if r.Skipped {
			fmt.Fprintf(w, "%-27s %-11s %s\n", rpcTitles[r.RPC], load, r.Note)
			continue
		}
		if r.Load == "half" {
			share = "-"
		}
		errs := fmt.Sprint(r.Errors)
		if r.Errors > 0 {
			errs += fmt.Sprintf(" %v", r.ErrorKinds)
		}
		mark := ""
		if len(r.Failed) > 0 {
			mark = "  FAIL: " + strings.Join(r.Failed, "; ")
		}
		fmt.Fprintf(w, "%-27s %-11s %9.0f %8.2f %8.2f %8.2f %7s %7s %6s %s%s\n",
			rpcTitles[r.RPC], load, r.OpsPerSec, r.P50ms, r.P90ms, r.P99ms, share, floor, p99h, errs, mark)
	}
	fmt.Fprintln(w, "share: of health's ops/s at the same load; p99/h: p99 over health's p99 at the same rate; "+
		"(½): open loop at half the RPC's own closed-loop peak.")
	for _, r := range results {
		if r.RPC == "batch_redeem" && !r.Skipped && r.Load != "open" && r.Load != "half" {
			fmt.Fprintf(w, "BatchRedeemCoupons at %d callers: %.0f durable redemptions/s (%d per call).\n",
				r.Concurrency, r.OpsPerSec*batchItems, batchItems)
		}
	}
	printBaskets(w, results, floors)
	if len(floors.Targets) > 0 {
		var parts []string
		for rpc, byLoad := range floors.Targets {
			for load, v := range byLoad {
				parts = append(parts, fmt.Sprintf("%s %s >= %.0f%%", rpc, load, 100*v))
			}
		}
		fmt.Fprintf(w, "Targets (issue 11, not enforced): %s\n", strings.Join(parts, ", "))
	}
	if redis != nil {
		fmt.Fprintf(w, "Redis per unary RedeemCoupon (%d sequential, common code, idle background subtracted): "+
			"%.2f commands executed (INFO commandstats", redis.Redemptions, redis.CommandsPerRedemption)
		for _, k := range sortedKeys(redis.ByCommand) {
			fmt.Fprintf(w, " %s %.2f", k, redis.ByCommand[k])
		}
		fmt.Fprintf(w, "); %.2f sent by the server (MONITOR:", redis.SentPerRedemption)
		for _, k := range sortedKeys(redis.SentByCommand) {
			fmt.Fprintf(w, " %s %.2f", k, redis.SentByCommand[k])
		}
		fmt.Fprintf(w, "), plus %.2f run by scripts inside Redis\n", redis.InScriptsPerRedemption)
	}
}

// printBaskets: each basket run beside health and RedeemCoupon at the same load in this run, its
// cost in redemptions (RedeemCoupon's ops/s over the baskets/s) and each phase's latency.
func printBaskets(w io.Writer, results []*Result, floors Floors) {
	header := false
	for _, r := range results {
		if !isBasket(r.RPC) || r.Skipped {
			continue
		}
		if !header {
			header = true
			fmt.Fprintf(w, "\nCheckout baskets beside the bare RPC and RedeemCoupon (common code) at the same load in this run:\n")
			fmt.Fprintf(w, "%-27s %-11s %9s %8s %8s | %9s %8s | %9s %8s %8s | %6s %7s\n", "basket", "load",
				"baskets/s", "p50 ms", "p99 ms", "health/s", "p99 ms", "redeem/s", "p50 ms", "p99 ms", "cost", "ceiling")
		}
		load := fmt.Sprintf("%d callers", r.Concurrency)
		if r.Load == "open" || r.Load == "half" {
			load = fmt.Sprintf("%.0f/s", r.OfferedRate)
		}
		health := find(results, "health", r.Load)
		healthOps, healthP99 := "-", "-"
		if health != nil {
			healthOps, healthP99 = fmt.Sprintf("%.0f", health.OpsPerSec), fmt.Sprintf("%.2f", health.P99ms)
		}
		redeemOps, redeemP50, redeemP99 := "-", "-", "-"
		if r.RedeemOpsPerSec > 0 {
			redeemOps = fmt.Sprintf("%.0f", r.RedeemOpsPerSec)
			redeemP50, redeemP99 = fmt.Sprintf("%.2f", r.RedeemP50ms), fmt.Sprintf("%.2f", r.RedeemP99ms)
		}
		cost, ceiling := "-", "-"
		if r.CostVsRedeem > 0 {
			cost = fmt.Sprintf("%.2fx", r.CostVsRedeem)
		}
		if r.MaxCost > 0 {
			ceiling = fmt.Sprintf("%.2fx", r.MaxCost)
		}
		fmt.Fprintf(w, "%-27s %-11s %9.1f %8.2f %8.2f | %9s %8s | %9s %8s %8s | %6s %7s\n", rpcTitles[r.RPC], load,
			r.OpsPerSec, r.P50ms, r.P99ms, healthOps, healthP99, redeemOps, redeemP50, redeemP99, cost, ceiling)
		var parts []string
		for _, name := range names(r.Phases) {
			p := r.Phases[name]
			parts = append(parts, fmt.Sprintf("%s p50 %.2f p99 %.2f ms", name, p.P50ms, p.P99ms))
		}
		if len(parts) > 0 {
			fmt.Fprintf(w, "%-27s   %s\n", "", strings.Join(parts, "; "))
		}
		redeem := find(results, "redeem_common", r.Load)
		if r.remeasured != nil {
			redeem = r.remeasured
		}
		if len(r.CPUmsPerOp) > 0 && redeem != nil {
			fmt.Fprintf(w, "%-27s   CPU ms per basket %s; per redemption %s\n", "", cpuText(r.CPUmsPerOp),
				cpuText(redeem.CPUmsPerOp))
		}
	}
	if !header {
		return
	}
	fmt.Fprintln(w, "cost: RedeemCoupon's ops/s over the baskets/s at the same closed-loop load (redemptions per basket); "+
		"the bench fails above the ceiling (benchmarks/floors.json max_cost_vs_redeem).")
	if len(floors.CostTargets) > 0 {
		var parts []string
		for _, rpc := range names(floors.CostTargets) {
			for _, load := range names(floors.CostTargets[rpc]) {
				parts = append(parts, fmt.Sprintf("%s %s <= %.1fx", rpc, load, floors.CostTargets[rpc][load]))
			}
		}
		fmt.Fprintf(w, "Cost targets (issue 14, not enforced): %s\n", strings.Join(parts, ", "))
	}
}

// names is the keys of m in order.
func names[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// cpuText: the server's CPU milliseconds per operation by process, and their sum.
func cpuText(ms map[string]float64) string {
	total := 0.0
	var parts []string
	for _, role := range []string{"worker", "postgres", "redis", "supervisor"} {
		total += ms[role]
		parts = append(parts, fmt.Sprintf("%s %.2f", role, ms[role]))
	}
	return fmt.Sprintf("%.2f (%s)", total, strings.Join(parts, ", "))
}
