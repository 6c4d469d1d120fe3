package derp_test

import (
	"testing"
	"time"

	"kami/internal/testkit"
)

// §9: a container whose rate stays above derp.traffic.rateHighBps for 3 samples in a row
// raises one rate_high alert; a sample below the threshold starts the count again.
func TestRateHighAlert(t *testing.T) {
	w := newWorld(t)
	isolate(t)
	hostSettings(t)
	// 300 s buckets: 30,000 bytes a bucket is 800 bps; the threshold is 500 bps. (Set before the
	// clock freezes: the reset at the end runs after the clock is released.)
	testkit.SetSettings(t, map[string]any{"derp.traffic.rateHighBps": 500})
	clk, _ := frozen(t)
	a := addHost(t, w, "sha")
	wk := opsWorker(t, a)
	drain(t, wk)
	d := activate(t, w)
	drain(t, wk)
	cid := containersOf(t, d.Id)[0].Id
	tx := int64(0)
	sample := func(bytes int64) {
		t.Helper()
		tx += bytes
		a.fake.SetCounters(cid, 0, tx)
		w = relogin(t, w) // the moved clock outlives the access tokens
		w.Admin.C.RunJob(t, "derp.traffic")
		clk.Advance(t, 5*time.Minute)
	}
	sample(0)     // the baseline
	sample(30000) // high 1
	sample(30000) // high 2
	sample(100)   // low: the streak restarts
	sample(30000) // high 1
	sample(30000) // high 2
	if n := len(alertsOf(t, w, "rate_high", a.srv.Id)); n != 0 {
		t.Fatalf("%d rate_high alerts before 3 high samples in a row", n)
	}
	sample(30000) // high 3
	sample(30000) // high 4: still the same episode
	if al := alertsOf(t, w, "rate_high", a.srv.Id); len(al) != 1 || al[0].ContainerId != cid {
		t.Fatalf("rate_high alerts %+v", al)
	}
}
