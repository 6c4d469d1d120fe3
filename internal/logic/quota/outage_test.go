package quota_test

import (
	"net/http"
	"os/exec"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"kami/internal/infra/redisx"
	"kami/internal/testkit"
)

// outageTarget is a server whose Redis the test may stop and start again.
type outageTarget struct {
	base        string
	stop, start func(t *testing.T)
}

// Redis stopped in the middle of a run of transfers: the calls made while it is down answer
// 503 and write nothing, and once it is back transfers go through again. Either a node of its
// own on a redis-server the test starts on a random port (any backend, when redis-server is
// installed), or the in-process server on the embedded store (embedded backend) — never the
// shared Redis.
func TestQuotaTransfersDuringRedisOutage(t *testing.T) {
	t.Run("node on its own redis-server", func(t *testing.T) {
		if _, err := exec.LookPath("redis-server"); err != nil {
			t.Skip("redis-server is not installed")
		}
		rs := startRedisServer(t)
		noRisk(t)
		node := testkit.Current().StartNode(t, "KAMI_REDIS_ADDR="+rs.addr)
		runOutage(t, outageTarget{base: node.BaseURL, stop: rs.stop, start: rs.restart})
	})
	t.Run("embedded store", func(t *testing.T) {
		m := redisx.Embedded()
		if m == nil {
			t.Skip("the in-process server runs on the shared Redis, which a test never stops")
		}
		noRisk(t)
		down := false
		t.Cleanup(func() { // whatever happens, the rest of the package gets its store back
			if down {
				_ = m.Restart()
			}
		})
		runOutage(t, outageTarget{base: testkit.Current().BaseURL,
			stop: func(t *testing.T) { m.Close(); down = true },
			start: func(t *testing.T) {
				if err := m.Restart(); err != nil {
					t.Fatal(err)
				}
				down = false
			}})
	})
}

func noRisk(t *testing.T) {
	testkit.SetSettings(t, map[string]any{"quota.riskSingleOver": 0, "quota.riskFrequentCount": 0,
		"quota.riskIncomingOver": 0, "quota.minTransfer": 1})
}

// outage phases, as the workers see them when they send and when they are answered.
const (
	phaseUp int32 = iota
	phaseStopping
	phaseDown
	phaseBack
)

// runOutage sends transfers from four clients until enough have gone through, stops Redis,
// waits for enough 503s, starts it again and waits for enough transfers to go through; then it
// checks that exactly the transfers answered 200 moved quota.
func runOutage(t *testing.T, tg outageTarget) {
	f := newFamily(t) // logged in before the outage: the session lives in the database
	const funds = 10_000_000
	fund(t, f.Agent.ID, funds)
	cl := sessionClient(f.Agent.Client, tg.base, "")

	var (
		phase               atomic.Int32
		okUp, okBack, downs atomic.Int64
		moved               atomic.Int64 // units the 200 answers moved
		mu                  sync.Mutex
		problems            []string
		done                = make(chan struct{})
		wg                  sync.WaitGroup
	)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int64(1); ; i++ {
				select {
				case <-done:
					return
				default:
				}
				amount := int64(w+1)*1000 + i%100
				sent := phase.Load()
				r, err := cl.DoErr(http.MethodPost, "/api/quota/transfer", map[string]any{"toUsername": f.Agent2.Username, "amount": amount})
				got := phase.Load()
				out := "transport: "
				if err == nil {
					out = outcome(r)
				}
				switch {
				case out == "200":
					moved.Add(amount)
					switch {
					case sent == phaseDown && got == phaseDown:
						mu.Lock()
						problems = append(problems, "a transfer went through while Redis was down")
						mu.Unlock()
					case got == phaseUp:
						okUp.Add(1)
					case sent == phaseBack:
						okBack.Add(1)
					}
				case out == "503 UNAVAILABLE" || out == "503 SERVER_BUSY":
					if sent == phaseUp && got == phaseUp {
						mu.Lock()
						problems = append(problems, "503 while Redis was up: "+string(r.Raw))
						mu.Unlock()
					}
					if sent == phaseDown {
						downs.Add(1)
					}
				default:
					mu.Lock()
					if err != nil {
						problems = append(problems, err.Error())
					} else {
						problems = append(problems, out+": "+string(r.Raw))
					}
					mu.Unlock()
				}
			}
		}()
	}
	stopWorkers := sync.OnceFunc(func() { close(done); wg.Wait() })
	defer stopWorkers()

	t0 := time.Now()
	waitUntil(t, "20 transfers before the outage", func() bool { return okUp.Load() >= 20 })
	phase.Store(phaseStopping)
	upFor := time.Since(t0)
	tg.stop(t)
	phase.Store(phaseDown)
	waitUntil(t, "20 answers of 503 during the outage", func() bool { return downs.Load() >= 20 })
	phase.Store(phaseStopping)
	downAt := time.Since(t0)
	tg.start(t)
	phase.Store(phaseBack)
	waitUntil(t, "20 transfers after Redis came back", func() bool { return okBack.Load() >= 20 })
	// A lock taken just before the stop whose unlock failed holds its account until the
	// lock's ttl (10 s) on a store that keeps its data across the restart (the embedded one).
	backAt := time.Since(t0)
	stopWorkers()

	for _, p := range problems {
		t.Error(p)
	}
	t.Logf("transfers before %d (%s), 503 during %d (stopped for %s), after %d (working again %s after the restart)",
		okUp.Load(), upFor.Round(time.Millisecond), downs.Load(), (downAt - upFor).Round(time.Millisecond), okBack.Load(),
		(backAt - downAt).Round(time.Millisecond))
	// Exactly what the 200 answers moved left the sender and reached the recipient: no 503
	// wrote anything, no movement is half written.
	if got := balanceOf(t, f.Agent2.ID); got.Available != moved.Load() || got.Frozen != 0 {
		t.Errorf("recipient holds %+v, the 200 answers moved %d", got, moved.Load())
	}
	if got := balanceOf(t, f.Agent.ID); got.Available != funds-moved.Load() || got.Frozen != 0 {
		t.Errorf("sender holds %+v, want %d", got, funds-moved.Load())
	}
	checkLedger(t, f.Agent.ID, f.Agent2.ID)
}

// waitUntil polls cond every 10 ms for up to 60 s: the workers make progress on their own.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
