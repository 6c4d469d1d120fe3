package proxy_test

import (
	"net/http"
	"strings"
	"testing"

	"kami/internal/adapter/ipipv"
	"kami/internal/logic/proxy"
	"kami/internal/testkit"
)

// proxyAlerts counts the super-admin's inbox notices of the proxy alert kind whose title names k.
func proxyAlerts(t *testing.T, w world, k string) int {
	t.Helper()
	var l struct {
		Items []struct {
			Kind  string `json:"kind"`
			Title string `json:"title"`
		} `json:"items"`
	}
	w.Admin.C.Get(t, "/api/notifications/list?pageSize=100").Expect(t, http.StatusOK).Decode(t, &l)
	n := 0
	for _, it := range l.Items {
		if it.Kind == "proxy.alert" && strings.Contains(it.Title, k) {
			n++
		}
	}
	return n
}

// Seed 000's alert rules live in the settings and reach the super-admins: a low upstream
// balance (proxy.alertLowCoin) seen by the consistency run, and proxy.alertFailedSyncs failed
// runs of a sync job in a row; each once a day however often the condition is seen.
func TestAlertRules(t *testing.T) {
	w := newWorld(t)
	f := frozenFake(t, w)
	pauseJobs(t, w.Admin.C, proxy.JobConsistency, proxy.JobRegionSync)
	testkit.SetSettings(t, map[string]any{"proxy.alertLowCoin": f.Coin() + 1, "proxy.alertFailedSyncs": 2})

	runConsistency(t, w)
	runConsistency(t, w)
	if n := proxyAlerts(t, w, "proxy.low_coin"); n != 1 {
		t.Fatalf("low coin: %d notices, want 1", n)
	}

	for i := 0; i < 3; i++ {
		f.Fault(ipipv.PathArea, ipipv.Code(500, "维护中"))
		if run := w.Admin.C.RunJob(t, proxy.JobRegionSync); run.Status == "success" {
			t.Fatalf("run %d of a failing region sync: %+v", i, run)
		}
		want := 0
		if i >= 1 { // the second failure in a row raises it; the third is the same day's alert
			want = 1
		}
		if n := proxyAlerts(t, w, "proxy.sync_failed"); n != want {
			t.Fatalf("after %d failed runs: %d sync_failed notices, want %d", i+1, n, want)
		}
	}
}
