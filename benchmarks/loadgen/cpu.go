package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// CPU accounting of the server's processes from /proc: the Python worker(s), the embedded Redis,
// the embedded Postgres (its postmaster, found by the bench's data folder on its command line, and
// every backend under it) and the supervisor, so that a run can say how many milliseconds of CPU
// each spent per operation. Other processes on the machine (other test suites) are left out.

// clockTicks is USER_HZ, 100 on Linux.
const clockTicks = 100

type procInfo struct {
	pid, ppid int
	cmdline   string
	ticks     int64 // utime + stime
}

func readProcs() map[int]procInfo {
	out := map[int]procInfo{}
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return out
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ... utime(14) stime(15): fields after the last ')'.
		s := string(stat)
		close := strings.LastIndexByte(s, ')')
		if close < 0 {
			continue
		}
		fields := strings.Fields(s[close+1:])
		if len(fields) < 13 {
			continue
		}
		ppid, _ := strconv.Atoi(fields[1])
		utime, _ := strconv.ParseInt(fields[11], 10, 64)
		stime, _ := strconv.ParseInt(fields[12], 10, 64)
		cmd, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		out[pid] = procInfo{pid, ppid, strings.ReplaceAll(string(cmd), "\x00", " "), utime + stime}
	}
	return out
}

// cpuSnapshot: CPU ticks by role ("worker", "redis", "postgres", "supervisor") of the server's
// processes, plus "loadgen" (this process).
func cpuSnapshot(serverPid int, dataDir string) map[string]int64 {
	procs := readProcs()
	role := map[int]string{}
	var rolesOf func(pid int) string
	rolesOf = func(pid int) string {
		if r, ok := role[pid]; ok {
			return r
		}
		p, ok := procs[pid]
		if !ok || pid <= 1 {
			return ""
		}
		r := ""
		switch {
		case pid == serverPid:
			r = "supervisor"
		case dataDir != "" && strings.Contains(p.cmdline, dataDir) && strings.Contains(p.cmdline, "postgres"):
			r = "postgres"
		default:
			switch parent := rolesOf(p.ppid); parent {
			case "supervisor":
				if strings.Contains(p.cmdline, "redis") {
					r = "redis"
				} else if strings.Contains(p.cmdline, "server.worker") {
					r = "worker"
				} else {
					r = "supervisor"
				}
			default:
				r = parent
			}
		}
		role[pid] = r
		return r
	}
	out := map[string]int64{}
	for pid, p := range procs {
		if r := rolesOf(pid); r != "" {
			out[r] += p.ticks
		}
	}
	if self, ok := procs[os.Getpid()]; ok {
		out["loadgen"] = self.ticks
	}
	return out
}

// cpuWindow takes a snapshot at `from` and one at `to` (in the background) and hands back the
// CPU milliseconds by role spent between them.
func (b *bench) cpuWindow(from, to time.Time) <-chan map[string]float64 {
	done := make(chan map[string]float64, 1)
	go func() {
		time.Sleep(time.Until(from))
		before := cpuSnapshot(b.setup.ServerPid, b.dataDir())
		time.Sleep(time.Until(to))
		after := cpuSnapshot(b.setup.ServerPid, b.dataDir())
		spent := map[string]float64{}
		for r, v := range after {
			spent[r] = float64(v-before[r]) * 1000 / clockTicks
		}
		done <- spent
	}()
	return done
}

// dataDir is the bench's data folder (the Redis socket is <data>/redis/redis.sock).
func (b *bench) dataDir() string {
	if b.setup.RedisSocket == "" {
		return ""
	}
	return filepath.Dir(filepath.Dir(b.setup.RedisSocket))
}
