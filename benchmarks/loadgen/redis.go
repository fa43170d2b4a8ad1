package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	couponsv1 "github.com/rewards-core/rewards-core/clients/go/rewards/coupons/v1"
	"github.com/rewards-core/rewards-core/clients/go/rewardsclient"
)

// RedisCount is what the server sends Redis per unary RedeemCoupon (common code, one caller).
type RedisCount struct {
	Redemptions int `json:"redemptions"`
	// From INFO commandstats (after - before - idle background over the same time): every
	// command Redis executed, including those a Lua script runs inside itself.
	CommandsPerRedemption float64            `json:"commands_per_redemption"`
	ByCommand             map[string]float64 `json:"by_command"`
	// From MONITOR: commands the server sent (round trips, except that a pipeline's or a
	// MULTI/EXEC's commands share one) and commands run inside scripts ("[... lua]").
	SentPerRedemption      float64            `json:"sent_per_redemption"`
	SentByCommand          map[string]float64 `json:"sent_by_command"`
	InScriptsPerRedemption float64            `json:"in_scripts_per_redemption"`
}

type resp struct {
	conn net.Conn
	r    *bufio.Reader
}

func dialRedis(socket string) (*resp, error) {
	conn, err := net.DialTimeout("unix", socket, 5*time.Second)
	if err != nil {
		return nil, err
	}
	return &resp{conn, bufio.NewReaderSize(conn, 1<<16)}, nil
}

func (c *resp) send(args ...string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "*%d\r\n", len(args))
	for _, a := range args {
		fmt.Fprintf(&b, "$%d\r\n%s\r\n", len(a), a)
	}
	_, err := io.WriteString(c.conn, b.String())
	return err
}

func (c *resp) line() (string, error) {
	s, err := c.r.ReadString('\n')
	return strings.TrimRight(s, "\r\n"), err
}

// commandstats: command -> calls (INFO commandstats), without INFO itself.
func (c *resp) commandstats() (map[string]int64, error) {
	if err := c.send("INFO", "commandstats"); err != nil {
		return nil, err
	}
	head, err := c.line()
	if err != nil || !strings.HasPrefix(head, "$") {
		return nil, fmt.Errorf("INFO: %q %v", head, err)
	}
	n, _ := strconv.Atoi(head[1:])
	body := make([]byte, n+2)
	if _, err := io.ReadFull(c.r, body); err != nil {
		return nil, err
	}
	stats := map[string]int64{}
	for _, l := range strings.Split(string(body), "\n") {
		name, rest, ok := strings.Cut(strings.TrimSpace(l), ":calls=")
		if !ok || !strings.HasPrefix(name, "cmdstat_") {
			continue
		}
		calls, _, _ := strings.Cut(rest, ",")
		v, _ := strconv.ParseInt(calls, 10, 64)
		if name = strings.TrimPrefix(name, "cmdstat_"); name != "info" {
			stats[name] = v
		}
	}
	return stats, nil
}

type monitorCount struct {
	mu       sync.Mutex
	sent     map[string]int64
	inScript int64
}

// monitor counts the commands MONITOR shows until the connection closes.
func monitor(c *resp, into *monitorCount, ready chan<- error) {
	if err := c.send("MONITOR"); err != nil {
		ready <- err
		return
	}
	if ok, err := c.line(); err != nil || ok != "+OK" {
		ready <- fmt.Errorf("MONITOR: %q %v", ok, err)
		return
	}
	close(ready)
	for {
		l, err := c.line()
		if err != nil {
			return
		}
		// +1700000000.123456 [0 unix:/x/redis.sock] "evalsha" "..." ...
		_, rest, ok := strings.Cut(l, " [")
		if !ok {
			continue
		}
		who, command, _ := strings.Cut(rest, "] ")
		name, _, _ := strings.Cut(command, " ")
		name = strings.ToLower(strings.Trim(name, `"`))
		into.mu.Lock()
		if strings.HasSuffix(who, " lua") {
			into.inScript++
		} else if name != "info" {
			into.sent[name]++
		}
		into.mu.Unlock()
	}
}

func (m *monitorCount) snapshot() (map[string]int64, int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]int64{}
	for k, v := range m.sent {
		out[k] = v
	}
	return out, m.inScript
}

// countRedis: an idle interval first (the server's own background commands: sweeps, probes),
// then n sequential RedeemCoupon calls on the common code; per redemption, minus the idle rate.
func (b *bench) countRedis(ctx context.Context, n int) (*RedisCount, error) {
	stats, err := dialRedis(b.setup.RedisSocket)
	if err != nil {
		return nil, err
	}
	defer stats.conn.Close()
	mon, err := dialRedis(b.setup.RedisSocket)
	if err != nil {
		return nil, err
	}
	counted := &monitorCount{sent: map[string]int64{}}
	ready := make(chan error)
	go monitor(mon, counted, ready)
	if err := <-ready; err != nil {
		return nil, err
	}
	defer mon.conn.Close()

	redeem := func() error {
		callCtx, cancel := context.WithTimeout(ctx, b.timeout)
		defer cancel()
		_, err := b.client.Coupons.RedeemCoupon(callCtx, &couponsv1.RedeemCouponRequest{
			Code: b.setup.CommonCode, AccountId: b.account(int(b.sequence.Add(1))), StoreId: "bench-store",
			BillAmount: eur(5_000), TransactionId: fmt.Sprintf("rc-%d", b.sequence.Add(1))}, rewardsclient.NoRetry())
		return err
	}
	for i := 0; i < 20; i++ { // the caches and the token are warm; the group commit is idle
		if err := redeem(); err != nil {
			return nil, err
		}
	}
	time.Sleep(500 * time.Millisecond)

	measure := func(work func() error) (map[string]int64, map[string]int64, int64, time.Duration, error) {
		before, err := stats.commandstats()
		if err != nil {
			return nil, nil, 0, 0, err
		}
		sentBefore, scriptBefore := counted.snapshot()
		began := time.Now()
		if err := work(); err != nil {
			return nil, nil, 0, 0, err
		}
		time.Sleep(300 * time.Millisecond) // confirms and finishes after the reply
		took := time.Since(began)
		after, err := stats.commandstats()
		if err != nil {
			return nil, nil, 0, 0, err
		}
		time.Sleep(50 * time.Millisecond) // MONITOR lines in flight
		sentAfter, scriptAfter := counted.snapshot()
		return diff(after, before), diff(sentAfter, sentBefore), scriptAfter - scriptBefore, took, nil
	}
	var busyTook time.Duration
	all, sent, inScripts, busyTook, err := measure(func() error {
		for i := 0; i < n; i++ {
			if err := redeem(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	idleAll, idleSent, idleScripts, idleTook, err := measure(func() error {
		time.Sleep(busyTook - 300*time.Millisecond)
		return nil
	})
	if err != nil {
		return nil, err
	}
	scale := busyTook.Seconds() / idleTook.Seconds()
	out := &RedisCount{Redemptions: n, ByCommand: map[string]float64{}, SentByCommand: map[string]float64{}}
	for k, v := range all {
		if per := (float64(v) - scale*float64(idleAll[k])) / float64(n); per > 0.005 {
			out.ByCommand[k] = round2(per)
			out.CommandsPerRedemption += per
		}
	}
	for k, v := range sent {
		if per := (float64(v) - scale*float64(idleSent[k])) / float64(n); per > 0.005 {
			out.SentByCommand[k] = round2(per)
			out.SentPerRedemption += per
		}
	}
	out.InScriptsPerRedemption = round2((float64(inScripts) - scale*float64(idleScripts)) / float64(n))
	out.CommandsPerRedemption = round2(out.CommandsPerRedemption)
	out.SentPerRedemption = round2(out.SentPerRedemption)
	return out, nil
}

func diff(after, before map[string]int64) map[string]int64 {
	out := map[string]int64{}
	for k, v := range after {
		if d := v - before[k]; d != 0 {
			out[k] = d
		}
	}
	return out
}

func round2(v float64) float64 { return float64(int64(v*100+0.5)) / 100 }

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || (m[keys[i]] == m[keys[j]] && keys[i] < keys[j]) })
	return keys
}
