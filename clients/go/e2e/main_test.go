// Package e2e runs the Go client against a real rewards-core server that TestMain starts
// (REWARDS_CORE_BIN, default <repo>/.venv/bin/rewards-core, built by `make build`), with
// its own embedded Redis and Postgres in a fresh temp dir (REDIS_URL and DATABASE_URL are not
// passed on, so shared stores are never touched). Without the binary the tests are skipped,
// except under CI=true.
package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	"github.com/rewards-core/rewards-core/clients/go/rewardsclient"
)

const (
	startTimeout = 90 * time.Second
	stopTimeout  = 60 * time.Second
	scopes       = "accounts:read,accounts:write,coupons:admin,coupons:redeem,coupons:read," +
		"loyalty:admin,loyalty:earn,loyalty:read,loyalty:redeem,checkout"
)

// The server and the API client shared by every test of the package.
var (
	skipReason string
	target     string
	creds      rewardsclient.Credentials
	// otpFile is where the server's capture sender appends each redemption OTP it sends, one
	// JSON object a line (REWARDS_OTP_SENDER=capture:<file>, core/adapters/otp.py).
	otpFile string
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	bin, err := serverBinary()
	if err != nil {
		if os.Getenv("CI") == "true" {
			fmt.Fprintf(os.Stderr, "e2e: %v (CI=true: the end-to-end tests must run; run `make build`)\n", err)
			return 1
		}
		skipReason = fmt.Sprintf("end-to-end tests skipped: %v (run `make build` in the repository root, or set REWARDS_CORE_BIN)", err)
		fmt.Fprintln(os.Stderr, "e2e:", skipReason)
		// The walkthrough Examples need the server too, and an Example cannot skip itself.
		flag.Parse()
		if err := flag.Set("test.skip", skipExamples(flag.Lookup("test.skip").Value.String())); err != nil {
			fmt.Fprintln(os.Stderr, "e2e:", err)
			return 1
		}
		return m.Run()
	}
	dataDir, err := os.MkdirTemp("/tmp", "rcgo-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dataDir)

	server := &serverProcess{bin: bin, dataDir: dataDir}
	otpFile = server.otpFile()
	began := time.Now()
	if err := server.start(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: starting the server: %v\n%s", err, server.logTail())
		server.stop()
		return 1
	}
	target = fmt.Sprintf("127.0.0.1:%d", server.port)
	fmt.Fprintf(os.Stderr, "e2e: server serving on %s after %v\n", target, time.Since(began).Round(time.Millisecond))
	creds, err = server.createClient("go-e2e-" + rewardsclient.NewRequestID()[:8])
	if err == nil {
		// Accounts and offers are opened only in a program that exists.
		err = server.createProgram(creds, program)
	}
	code := 1
	if err != nil {
		fmt.Fprintf(os.Stderr, "e2e: creating API client credentials: %v\n", err)
	} else {
		code = m.Run()
	}
	stopping := time.Now()
	exit, err := server.stop()
	fmt.Fprintf(os.Stderr, "e2e: server stopped (exit %d) in %v\n", exit, time.Since(stopping).Round(time.Millisecond))
	if err != nil || exit != 0 {
		fmt.Fprintf(os.Stderr, "e2e: server did not stop cleanly (exit %d, %v)\n%s", exit, err, server.logTail())
		if code == 0 {
			code = 1
		}
	}
	return code
}

// skipExamples adds the Examples to a -test.skip pattern.
func skipExamples(skip string) string {
	if skip == "" {
		return "^Example"
	}
	return skip + "|^Example"
}

// requireServer skips the test when TestMain found no server binary (never under CI=true).
func requireServer(t *testing.T) {
	t.Helper()
	if skipReason != "" {
		t.Skip(skipReason)
	}
}

func serverBinary() (string, error) {
	bin := os.Getenv("REWARDS_CORE_BIN")
	if bin == "" {
		root, err := filepath.Abs(filepath.Join("..", "..", "..")) // clients/go/e2e -> repository root
		if err != nil {
			return "", err
		}
		bin = filepath.Join(root, ".venv", "bin", "rewards-core")
	}
	info, err := os.Stat(bin)
	if err != nil {
		return "", fmt.Errorf("server binary %s not found", bin)
	}
	if info.IsDir() || info.Mode()&0o111 == 0 {
		return "", fmt.Errorf("server binary %s is not executable", bin)
	}
	return bin, nil
}

type serverProcess struct {
	bin     string
	dataDir string
	cmd     *exec.Cmd
	port    int
	exited  chan struct{}
	exitErr error

	mu  sync.Mutex
	log []string // last lines of stderr
}

// otpFile is the file the server's OTP sender writes to, under dataDir.
func (s *serverProcess) otpFile() string { return filepath.Join(s.dataDir, "otp.jsonl") }

// env is the environment of the server and of the CLI: the test's own, without the store URLs
// (the server embeds its stores under dataDir), with a free port and OTPs captured to a file.
func (s *serverProcess) env() []string {
	env := []string{}
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "REWARDS_ADDRESS", "REWARDS_DATA_DIR", "REWARDS_METRICS_ADDRESS", "REWARDS_WORKERS",
			"REDIS_URL", "DATABASE_URL", "REWARDS_OTP_SENDER":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "REWARDS_ADDRESS=127.0.0.1:0", "REWARDS_DATA_DIR="+s.dataDir, "REWARDS_METRICS_ADDRESS=",
		"REWARDS_OTP_SENDER=capture:"+s.otpFile())
}

func (s *serverProcess) start() error {
	s.cmd = exec.Command(s.bin, "serve", "--workers", "1")
	s.cmd.Env = s.env()
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // to kill workers too if it hangs
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := s.cmd.Start(); err != nil {
		return err
	}
	s.exited = make(chan struct{})
	ports := make(chan int, 1)
	drained := make(chan struct{})
	go s.drain(stderr, ports, drained)
	go func() {
		<-drained // Wait closes the pipe: read it all first
		s.exitErr = s.cmd.Wait()
		close(s.exited)
	}()

	deadline := time.After(startTimeout)
	select {
	case s.port = <-ports:
	case <-s.exited:
		return fmt.Errorf("server exited before it started: %v", s.exitErr)
	case <-deadline:
		return fmt.Errorf("no 'rewards-core started' log line within %v", startTimeout)
	}
	return s.waitServing(startTimeout)
}

// drain reads the server's JSON log lines (one object a line; other lines kept as text),
// reports the port of the "rewards-core started" line, and keeps reading until the pipe closes
// so the server never blocks on a full pipe.
func (s *serverProcess) drain(stderr io.Reader, ports chan<- int, done chan<- struct{}) {
	defer close(done)
	scanner := bufio.NewScanner(stderr)
	scanner.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for scanner.Scan() {
		line := scanner.Text()
		s.mu.Lock()
		s.log = append(s.log, line)
		if len(s.log) > 60 {
			s.log = s.log[len(s.log)-60:]
		}
		s.mu.Unlock()
		var entry struct {
			Message string `json:"message"`
			Port    int    `json:"port"`
		}
		if json.Unmarshal([]byte(line), &entry) == nil && entry.Message == "rewards-core started" && entry.Port > 0 {
			select {
			case ports <- entry.Port:
			default:
			}
		}
	}
	_, _ = io.Copy(io.Discard, stderr)
}

func (s *serverProcess) logTail() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.log) == 0 {
		return ""
	}
	return "server log (last lines):\n" + strings.Join(s.log, "\n") + "\n"
}

func (s *serverProcess) waitServing(timeout time.Duration) error {
	conn, err := grpc.NewClient(fmt.Sprintf("127.0.0.1:%d", s.port), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	health := healthpb.NewHealthClient(conn)
	deadline := time.Now().Add(timeout)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		resp, err := health.Check(ctx, &healthpb.HealthCheckRequest{})
		cancel()
		if err == nil && resp.GetStatus() == healthpb.HealthCheckResponse_SERVING {
			return nil
		}
		select {
		case <-s.exited:
			return fmt.Errorf("server exited while starting: %v", s.exitErr)
		default:
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not SERVING within %v (last: %v, %v)", timeout, resp.GetStatus(), err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// createClient runs `rewards-core clients create` on the server's stores and reads the one
// JSON line it prints on stdout.
func (s *serverProcess) createClient(org string) (rewardsclient.Credentials, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, s.bin, "clients", "create", "--org", org, "--scopes", scopes)
	cmd.Env = s.env()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return rewardsclient.Credentials{}, fmt.Errorf("%v\n%s", err, stderr.String())
	}
	for _, line := range strings.Split(stdout.String(), "\n") {
		var created struct {
			OrgID        string `json:"org_id"`
			ClientID     string `json:"client_id"`
			ClientSecret string `json:"client_secret"`
		}
		if json.Unmarshal([]byte(strings.TrimSpace(line)), &created) == nil && created.ClientSecret != "" {
			return rewardsclient.Credentials{OrgID: created.OrgID, ClientID: created.ClientID, ClientSecret: created.ClientSecret}, nil
		}
	}
	return rewardsclient.Credentials{}, fmt.Errorf("no credentials in the output: %q", stdout.String())
}

// createProgram creates the loyalty program `id` in the credentials' organisation, with the
// server's own `rewards-core call` (which signs the request).
func (s *serverProcess) createProgram(creds rewardsclient.Credentials, id string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	body := fmt.Sprintf(`{"program": {"program_id": %q, "display_name": "Go e2e", "currency_code": "EUR", "time_zone": "Europe/Berlin"}}`, id)
	cmd := exec.CommandContext(ctx, s.bin, "call", "--target", fmt.Sprintf("127.0.0.1:%d", s.port),
		"rewards.loyalty.v1.ProgramService/CreateProgram", "-d", body)
	cmd.Env = append(s.env(), "REWARDS_ORG_ID="+creds.OrgID, "REWARDS_CLIENT_ID="+creds.ClientID,
		"REWARDS_CLIENT_SECRET="+creds.ClientSecret, "REWARDS_CREDENTIALS_FILE=")
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("creating program %s: %v\n%s", id, err, output.String())
	}
	return nil
}

// stop sends SIGTERM and waits for the exit (SIGKILL to the process group after stopTimeout).
func (s *serverProcess) stop() (int, error) {
	if s.cmd == nil || s.cmd.Process == nil {
		return -1, fmt.Errorf("not started")
	}
	select {
	case <-s.exited:
	default:
		_ = s.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-s.exited:
		case <-time.After(stopTimeout):
			_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
			<-s.exited
			return -1, fmt.Errorf("no exit within %v of SIGTERM; killed", stopTimeout)
		}
	}
	return s.cmd.ProcessState.ExitCode(), nil
}
