package testkit

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gctx"
	"golang.org/x/crypto/bcrypt"

	"kami/internal/cmd"
	"kami/utility/password"
)

const childEnv = "KAMI_TEST_CHILD"

// Node is a second server process sharing this test's database and Redis: a real other node,
// with its own memory (enforcer, caches, timers), as in a two-node deployment.
type Node struct {
	BaseURL string
	cmd     *exec.Cmd
	lines   chan string
	exited  chan struct{}
	exitErr error
}

// StartNode re-executes the test binary as a server node pointed at the same database and
// Redis, waits until it listens, and stops it when the test ends. env adds or overrides
// environment variables of the node ("KAMI_TRUSTED_PROXIES=", SlowRouteEnv+"=1").
func (e *Env) StartNode(t testing.TB, env ...string) *Node {
	t.Helper()
	c := exec.Command(os.Args[0], "-test.run=^$")
	c.Env = append(os.Environ(), childEnv+"=1",
		"KAMI_DB_LINK="+e.DBLink, "KAMI_REDIS_ADDR="+e.RedisAddr, "KAMI_REDIS_PREFIX="+e.Prefix,
		"KAMI_SECRET_KEY="+e.Secret, "KAMI_DATA_DIR="+e.DataDir, "KAMI_HTTP_ADDR=127.0.0.1:0")
	if e.sharedClock {
		c.Env = append(c.Env, sharedClockEnv+"=1")
	}
	c.Env = append(c.Env, env...) // the last of duplicate keys wins
	stdout, err := c.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	c.Stderr = os.Stderr
	stdin, err := c.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err = c.Start(); err != nil {
		t.Fatal(err)
	}
	n := &Node{cmd: c, lines: make(chan string, 64), exited: make(chan struct{})}
	ready := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if port, ok := strings.CutPrefix(sc.Text(), "KAMI_NODE_PORT="); ok {
				ready <- port
				continue
			}
			select {
			case n.lines <- sc.Text():
			default: // nobody waits for output lines: drop them rather than block the node
			}
		}
		// Wait only after stdout is drained: it closes the pipe.
		n.exitErr = c.Wait()
		close(n.exited)
	}()
	t.Cleanup(func() {
		_ = c.Process.Signal(syscall.SIGTERM)
		_ = stdin.Close()
		select {
		case <-n.exited:
		case <-time.After(20 * time.Second):
			_ = c.Process.Kill()
		}
	})
	select {
	case port := <-ready:
		n.BaseURL = "http://127.0.0.1:" + port
	case <-n.exited:
		t.Fatalf("second node exited before listening: %v", n.exitErr)
	case <-time.After(60 * time.Second):
		t.Fatal("second node did not start within 60 s")
	}
	return n
}

// Client returns a new caller of the second node.
func (n *Node) Client() *Client { return NewClient(n.BaseURL) }

// Signal sends sig to the node process.
func (n *Node) Signal(t testing.TB, sig os.Signal) {
	t.Helper()
	if err := n.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
}

// WaitExit waits up to timeout for the node process to end and returns how it ended.
func (n *Node) WaitExit(t testing.TB, timeout time.Duration) error {
	t.Helper()
	select {
	case <-n.exited:
		return n.exitErr
	case <-time.After(timeout):
		t.Fatalf("node did not exit within %s", timeout)
		return nil
	}
}

// WaitOutput waits up to timeout for the node to print line on stdout.
func (n *Node) WaitOutput(t testing.TB, line string, timeout time.Duration) {
	t.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case l := <-n.lines:
			if l == line {
				return
			}
		case <-deadline:
			t.Fatalf("node did not print %q within %s", line, timeout)
		}
	}
}

// runChild serves as a node until SIGTERM or until the parent closes stdin (so a crashed parent
// never leaves a server behind).
func runChild() int {
	ctx := gctx.New()
	password.Cost = bcrypt.MinCost
	var boot []cmd.Option
	if os.Getenv(sharedClockEnv) == "1" {
		boot = append(boot, cmd.WithClock(SharedClock{}))
	}
	if err := cmd.Boot(ctx, boot...); err != nil {
		fmt.Fprintln(os.Stderr, "child node:", err)
		return 1
	}
	s, err := cmd.NewServer(ctx, "kami-child")
	if err != nil {
		fmt.Fprintln(os.Stderr, "child node:", err)
		return 1
	}
	s.SetAddr("127.0.0.1:0")
	stopping := make(chan struct{})
	if os.Getenv(SlowRouteEnv) == "1" {
		bindSlowRoute(s, stopping)
	}
	// Listen for SIGTERM before the port is announced: a test may signal the node the moment
	// it has a request running, and a signal arriving before Notify kills the process outright
	// (seen once in 70 race runs of the drain test, under load).
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	if err = s.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "child node:", err)
		return 1
	}
	fmt.Printf("KAMI_NODE_PORT=%d\n", s.GetListenedPort())
	go func() { _, _ = io.Copy(io.Discard, os.Stdin); stop <- syscall.SIGTERM }()
	<-stop
	close(stopping)
	if err = cmd.Stop(ctx, s); err != nil {
		fmt.Fprintln(os.Stderr, "child node:", err)
		return 1
	}
	return 0
}
