package main

import (
	"fmt"
	"io"
	"runtime"
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
		if r.RPC != "health" {
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
