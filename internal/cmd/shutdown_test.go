package cmd_test

import (
	"io"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"testing"
	"time"

	"kami/internal/testkit"
)

// SIGTERM drains: the listener closes at once (new connections are refused) while a request
// already being handled runs on past GoFrame's default 2 s deadline and completes with 200, and
// only then does the node exit, cleanly.
func TestSigtermDrainsInFlightRequests(t *testing.T) {
	node := testkit.Current().StartNode(t, testkit.SlowRouteEnv+"=1")
	type answer struct {
		status int
		body   string
		err    error
	}
	done := make(chan answer, 1)
	go func() {
		res, err := http.Get(node.BaseURL + "/test/slow")
		if err != nil {
			done <- answer{err: err}
			return
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		done <- answer{res.StatusCode, string(b), err}
	}()
	node.WaitOutput(t, testkit.SlowRouteStarted, 30*time.Second)
	node.Signal(t, syscall.SIGTERM)

	u, err := url.Parse(node.BaseURL)
	if err != nil {
		t.Fatal(err)
	}
	refused := false
	for deadline := time.Now().Add(testkit.SlowRouteHold); !refused && time.Now().Before(deadline); {
		c, err := net.DialTimeout("tcp", u.Host, time.Second)
		if err != nil {
			refused = true
			break
		}
		_ = c.Close()
		time.Sleep(10 * time.Millisecond)
	}
	if !refused {
		t.Error("the node still accepted connections while draining")
	}

	select {
	case a := <-done:
		if a.err != nil || a.status != 200 || a.body != "done" {
			t.Fatalf("in-flight request cut by shutdown: %d %q %v", a.status, a.body, a.err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("in-flight request never finished")
	}
	if err := node.WaitExit(t, 30*time.Second); err != nil {
		t.Fatalf("node exit: %v", err)
	}
}
