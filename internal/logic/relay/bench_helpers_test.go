package relay_test

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"kami/internal/adapter/openaicompat"
	"kami/internal/service"
	"kami/internal/testkit"
)

// benchRig is what every relay figure needs: a fake channel, a price, funded agents (requests
// spread over them, as real traffic spreads over accounts: one account's ledger lock would
// otherwise be the figure) and one HTTP client with connections enough for every worker.
type benchRig struct {
	fake   *openaicompat.Fake
	model  string
	agents []agent
	hc     *http.Client
	next   atomic.Int64
}

func newBenchRig(b *testing.B, agents int) *benchRig {
	b.Helper()
	r := &benchRig{fake: fakeUpstream(b), model: testkit.UniqueName("gpt")}
	seedPrice(b, r.model, "1", "1")
	seedChannel(b, "bench", r.fake.URL(), 0, 1, []string{r.model}, "sk-bench")
	service.Relay().Invalidate(context.Background())
	for range agents {
		r.agents = append(r.agents, newAgent(b, 1_000_000_000, 0))
	}
	r.hc = &http.Client{Transport: &http.Transport{MaxIdleConns: 1200, MaxIdleConnsPerHost: 1200,
		IdleConnTimeout: time.Minute}}
	return r
}

// behave sets what the fake answers for the next block (and forgets what it recorded: it
// keeps every request otherwise).
func (r *benchRig) behave(bh openaicompat.Behaviour) {
	r.fake.Reset()
	r.fake.SetDefault(bh)
}

func (r *benchRig) body(stream bool) string {
	s := ""
	if stream {
		s = `"stream":true,`
	}
	return `{"model":"` + r.model + `",` + s + `"max_tokens":64,"messages":[{"role":"user","content":"Say hello to the benchmark."}]}`
}

// request builds one call: relay (client -> Kami -> fake) or direct (client -> fake).
func (r *benchRig) request(relayed, stream bool) *http.Request {
	url, key := r.fake.URL()+"/chat/completions", "sk-bench"
	if relayed {
		a := r.agents[int(r.next.Add(1))%len(r.agents)]
		url, key = testkit.Current().BaseURL+"/v1/chat/completions", a.Key
	}
	req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(r.body(stream)))
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")
	return req
}

// call is one measured request: latency to the whole answer; for streams also the first data
// line, the gaps between data lines, and the time from [DONE] to the end of the body (the
// relay settles before its handler returns, so that is the settle lag).
type call struct {
	ok      bool
	total   time.Duration
	ttfb    time.Duration
	gaps    []time.Duration
	settle  time.Duration
	started time.Time
	fail    string // why a call failed: its status, a transport error, an unfinished stream
}

func (r *benchRig) do(relayed, stream bool) call {
	c := call{started: time.Now()}
	resp, err := r.hc.Do(r.request(relayed, stream))
	if err != nil {
		c.fail = "transport: " + err.Error()
		return c
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		raw, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		c.fail = strconv.Itoa(resp.StatusCode) + " " + string(raw)
		return c
	}
	if !stream {
		_, err = io.Copy(io.Discard, resp.Body)
		c.total = time.Since(c.started)
		c.ok = err == nil && resp.StatusCode == http.StatusOK
		return c
	}
	rd := bufio.NewReader(resp.Body)
	var last, done time.Time
	for {
		line, err := rd.ReadString('\n')
		if err != nil {
			break
		}
		if !strings.HasPrefix(line, "data: ") {
			continue
		}
		now := time.Now()
		if last.IsZero() {
			c.ttfb = now.Sub(c.started)
		} else if done.IsZero() {
			c.gaps = append(c.gaps, now.Sub(last))
		}
		last = now
		if strings.HasPrefix(line, "data: [DONE]") {
			done = now
			c.total = now.Sub(c.started)
		}
	}
	c.ok = !done.IsZero()
	if !c.ok {
		c.fail = "stream ended without [DONE]"
	}
	if c.ok {
		c.settle = time.Since(done)
	}
	return c
}

// block runs n calls over c workers and returns them in order of completion.
func (r *benchRig) block(n, workers int, relayed, stream bool) []call {
	out := make([]call, n)
	testkit.Fanout(n, workers, func(i int) { out[i] = r.do(relayed, stream) })
	return out
}

// pick returns the durations f selects from the successful calls, sorted.
func pick(calls []call, f func(c call) []time.Duration) []time.Duration {
	var d []time.Duration
	for _, c := range calls {
		if c.ok {
			d = append(d, f(c)...)
		}
	}
	slices.Sort(d)
	return d
}

// failures summarizes why calls failed, for the log: reason -> count.
func failures(calls []call) map[string]int {
	m := map[string]int{}
	for _, c := range calls {
		if !c.ok {
			if len(c.fail) > 120 {
				c.fail = c.fail[:120]
			}
			m[c.fail]++
		}
	}
	return m
}

func errorsOf(calls []call) int {
	n := 0
	for _, c := range calls {
		if !c.ok {
			n++
		}
	}
	return n
}

func pct(d []time.Duration, q int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	return d[(len(d)-1)*q/100]
}

func ratio(a, b time.Duration) float64 {
	if b <= 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// rss is the process's resident set in bytes (Linux), 0 elsewhere.
func rss() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// inUse is the Go memory live right now (after a collection, so garbage does not count):
// heap objects and goroutine stacks.
func inUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapInuse + m.StackInuse)
}

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

// settleAll waits until no bench request is pending, then checks the audit invariant for every
// agent (one settlement per request, ledger = Σ(quota − uncollected), nothing frozen).
func (r *benchRig) settleAll(b *testing.B) {
	b.Helper()
	// A settlement that failed under the load is redone by the sweeper (@every 30 s, 30 s after
	// its outcome was recorded): up to a minute and a half.
	deadline := time.Now().Add(120 * time.Second)
	for _, a := range r.agents {
		for {
			n, err := countPending(a.UserID)
			if err == nil && n == 0 {
				break
			}
			if time.Now().After(deadline) {
				b.Fatalf("agent %d: %d rows still pending (%v)", a.UserID, n, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
		audit(b, a.UserID)
	}
}
