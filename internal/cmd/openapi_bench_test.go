package cmd_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"kami/internal/dao"
	"kami/internal/infra/db"
	"kami/internal/infra/keyring"
	"kami/internal/logic/openapi"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
	"kami/sdk/go/kami"
)

// Load generator settings of BenchmarkOpenAPIVerify (issue 10): 64 connections.
const (
	loadConns    = 64
	loadRequests = 10_000 // per phase
	loadRounds   = 5      // the baseline and the repeat phase alternate in this many rounds
	firstCards   = 3_000  // cards activated in the first-activation phase
)

// BenchmarkOpenAPIVerify drives the started server over HTTP with 64 connections and prints,
// in one run: a bare GoFrame JSON handler's throughput (the baseline), verify of an active
// card from its bound device (throughput, p50/p99, the ratio to the baseline — goal >= 0.5 —
// and the database statements the phase sent: reads, goal 0, and the batched trace writes),
// then first activations of unused cards per second (goal >= 1,000/s on MySQL).
// The generator signs each request (HMAC) but does not check the answers' Ed25519 signatures:
// it shares the server's two cores, and a real client checks only its own answers.
func BenchmarkOpenAPIVerify(b *testing.B) {
	if os.Getenv("KAMI_TEST_BACKEND") != "real" {
		// The embedded store runs every Lua script in an interpreter on the server's own two
		// cores; the figures mean something only against MySQL and Redis.
		b.Skip("the OpenAPI load figures are measured on MySQL + Redis (make bench with KAMI_TEST_MYSQL/KAMI_TEST_REDIS)")
	}
	env := testkit.Current()
	admin := env.Admin(b)
	var p struct {
		ID        int64  `json:"id"`
		AppKey    string `json:"appKey"`
		AppSecret string `json:"appSecret"`
		Plans     []struct {
			ID int64 `json:"id"`
		} `json:"plans"`
	}
	admin.Post(b, "/api/projects", map[string]any{"name": testkit.UniqueName("bench"),
		"settings": map[string]any{"ratePerApp": 0, "ratePerIp": 0},
		"plans":    []map[string]any{{"name": "month", "durationSeconds": 2592000, "price": 0, "maxDevices": 1}},
	}).Expect(b, http.StatusOK).Decode(b, &p)
	cards := benchKeys(b, admin, p.ID, p.Plans[0].ID, firstCards+1)
	hc := &http.Client{Transport: &http.Transport{MaxIdleConns: loadConns * 2, MaxIdleConnsPerHost: loadConns * 2}}
	var seq atomic.Int64
	// sign prepares the verify calls of a phase before it starts: the generator shares the
	// server's cores, and its HMAC work is the client's cost, not the server's.
	type signed struct{ body, ts, nonce, sig string }
	sign := func(n int, card func(i int) string, device func(i int) string) []signed {
		out := make([]signed, n)
		ts := time.Now().Unix()
		for i := range out {
			body := `{"card":"` + card(i) + `","device":"` + device(i) + `"}`
			nonce := fmt.Sprintf("bench-%020d", seq.Add(1))
			out[i] = signed{body, strconv.FormatInt(ts, 10), nonce, kami.SignRequest([]byte(p.AppSecret),
				kami.CanonicalRequest("POST", verifyPath, url.Values{}, p.AppKey, ts, nonce, []byte(body)))}
		}
		return out
	}
	verify := func(c signed) (int, error) {
		req, _ := http.NewRequest("POST", env.BaseURL+verifyPath, strings.NewReader(c.body))
		req.Header.Set(kami.HeaderAppKey, p.AppKey)
		req.Header.Set(kami.HeaderTimestamp, c.ts)
		req.Header.Set(kami.HeaderNonce, c.nonce)
		req.Header.Set(kami.HeaderSignature, c.sig)
		return send(hc, req)
	}
	phase := func(n int, card func(i int) string, device func(i int) string) func(i int) (int, error) {
		calls := sign(n, card, device)
		return func(i int) (int, error) { return verify(calls[i]) }
	}
	activeCard := func(int) string { return cards[0] }
	benchDevice := func(int) string { return "bench-device" }
	bare := func() (int, error) {
		req, _ := http.NewRequest("POST", env.BaseURL+testkit.BareRoute, strings.NewReader(`{"card":"x","device":"y"}`))
		return send(hc, req)
	}
	activated := time.Now()
	if code, err := phase(1, activeCard, benchDevice)(0); code != http.StatusOK || err != nil {
		b.Fatalf("activating the bench card: %d %v", code, err)
	}
	b.ResetTimer()
	for range b.N {
		load(b, loadRequests/4, func(int) (int, error) { return bare() }) // warm up connections
		// Warm up past two local-cache lifetimes: the activation dropped the card's shared
		// snapshot, and the first read after this node's copy expires refills it once from the
		// database. The repeat phase measures the steady state after that.
		for time.Since(activated) < 2*time.Second {
			load(b, loadRequests/4, phase(loadRequests/4, activeCard, benchDevice))
		}
		service.Openapi().Flush(context.Background())
		// The baseline and the repeat phase alternate in rounds, so whatever else the machine
		// runs weighs on both alike and the ratio stays meaningful.
		var base, hot loadResult
		_, w0 := db.Statements()
		rr0, rw0 := openapi.RequestStatements.Statements()
		for i := range loadRounds {
			base = base.add(load(b, loadRequests/loadRounds, func(int) (int, error) { return bare() }))
			repeat := phase(loadRequests/loadRounds, activeCard, benchDevice)
			stop := func() {}
			if i == loadRounds-1 {
				stop = profile(b) // the last round's verify calls only
			}
			hot = hot.add(load(b, loadRequests/loadRounds, repeat))
			stop()
		}
		rr1, rw1 := openapi.RequestStatements.Statements()
		service.Openapi().Flush(context.Background())
		_, w2 := db.Statements()
		first := load(b, firstCards, phase(firstCards, func(i int) string { return cards[1+i] },
			func(i int) string { return "first-" + strconv.Itoa(i) }))

		b.ReportMetric(base.perSecond(), "bare-req/s")
		b.ReportMetric(hot.perSecond(), "verify-req/s")
		b.ReportMetric(hot.perSecond()/base.perSecond(), "verify/bare")
		b.ReportMetric(float64(hot.p(50).Microseconds())/1000, "verify-p50-ms")
		b.ReportMetric(float64(hot.p(99).Microseconds())/1000, "verify-p99-ms")
		b.ReportMetric(float64(rr1-rr0), "db-reads-repeat")
		b.ReportMetric(float64(w2-w0), "db-writes-repeat")
		b.ReportMetric(first.perSecond(), "activations/s")
		b.Logf("bare %.0f req/s | verify %.0f req/s p50 %s p99 %s, ratio %.2f | repeat phase: the requests sent %d DB reads and %d writes; the process wrote %d batched statements | first activations %.0f/s p99 %s",
			base.perSecond(), hot.perSecond(), hot.p(50), hot.p(99), hot.perSecond()/base.perSecond(),
			rr1-rr0, rw1-rw0, w2-w0, first.perSecond(), first.p(99))
	}
}

const verifyPath = "/openapi/v1/cards/verify"

// profile writes a CPU profile of (the last round of) the repeat phase alone to $KAMI_BENCH_PROFILE when it is set
// (go test's -cpuprofile would mix in the seeding and the other phases).
func profile(b *testing.B) (stop func()) {
	path := os.Getenv("KAMI_BENCH_PROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err = pprof.StartCPUProfile(f); err != nil {
		b.Fatal(err)
	}
	return func() { pprof.StopCPUProfile(); _ = f.Close() }
}

type loadResult struct {
	elapsed time.Duration
	lat     []time.Duration
}

// add pools two runs: their calls and the time they took.
func (r loadResult) add(o loadResult) loadResult {
	lat := append(append([]time.Duration(nil), r.lat...), o.lat...)
	slices.Sort(lat)
	return loadResult{elapsed: r.elapsed + o.elapsed, lat: lat}
}

func (r loadResult) perSecond() float64 { return float64(len(r.lat)) / r.elapsed.Seconds() }

func (r loadResult) p(q int) time.Duration { return r.lat[(len(r.lat)-1)*q/100] }

// load runs n calls of do over loadConns workers and fails on any answer but 200.
func load(b *testing.B, n int, do func(i int) (int, error)) loadResult {
	b.Helper()
	lat := make([]time.Duration, n)
	var failed atomic.Value
	start := time.Now()
	testkit.Fanout(n, loadConns, func(i int) {
		t0 := time.Now()
		code, err := do(i)
		lat[i] = time.Since(t0)
		if code != http.StatusOK || err != nil {
			failed.Store(fmt.Sprintf("call %d: HTTP %d %v", i, code, err))
		}
	})
	res := loadResult{elapsed: time.Since(start), lat: lat}
	if f := failed.Load(); f != nil {
		b.Fatal(f)
	}
	slices.Sort(res.lat)
	return res
}

func send(hc *http.Client, req *http.Request) (int, error) {
	resp, err := hc.Do(req)
	if err != nil {
		return 0, err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, nil
}

// benchKeys generates n cards (the super-admin's, free) and reads their keys back.
func benchKeys(b *testing.B, admin *testkit.Client, projectID, planID int64, n int) []string {
	b.Helper()
	var batch struct {
		ID int64 `json:"id"`
	}
	admin.Post(b, "/api/cards/batches", map[string]any{"projectId": projectID, "planId": planID, "count": n}).
		Expect(b, http.StatusOK).Decode(b, &batch)
	var rows []entity.Cards
	if err := dao.Cards.Ctx(context.Background()).Where("batch_id", batch.ID).OrderAsc("id").Scan(&rows); err != nil {
		b.Fatal(err)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		k, err := keyring.Open(model.CardKeyPurpose, r.KeySealed)
		if err != nil {
			b.Fatal(err)
		}
		out[i] = string(k)
	}
	return out
}
