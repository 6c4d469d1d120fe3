package proxy_test

import (
	"net/http"
	"testing"

	"kami/internal/adapter/ipipv"
	"kami/internal/logic/proxy"
)

type discList struct {
	Items []struct {
		Kind    string `json:"kind"`
		Subject string `json:"subject"`
		Status  string `json:"status"`
	} `json:"items"`
}

func findingOf(t *testing.T, w world, subject string) (kind, status string) {
	t.Helper()
	var l discList
	w.Admin.C.Get(t, "/api/proxy/discrepancies/list?pageSize=100").Expect(t, http.StatusOK).Decode(t, &l)
	for _, it := range l.Items {
		if it.Subject == subject {
			return it.Kind, it.Status
		}
	}
	return "", ""
}

// TestConsistencyRepairs: local live vs upstream terminal → applied; local charged vs upstream
// failed → credited back; an upstream-only order → needs_decision, nothing debited.
func TestConsistencyRepairs(t *testing.T) {
	w := newWorld(t)
	f := onSaleDynamic(t, w)
	pauseJobs(t, w.Admin.C, proxy.JobConsistency)
	fund(t, w.Agent.ID, 10_000)
	var o order
	w.Agent.C.Post(t, "/api/proxy/orders/dynamic", map[string]any{"productNo": "DYN104", "flowGb": 2}).
		Expect(t, http.StatusOK).Decode(t, &o)
	appOrderNo := o.AppOrderNo
	f.SetOrder(appOrderNo, func(u *ipipv.Order) { u.Status = ipipv.OrderSuccess })
	w.Admin.C.RunJob(t, proxy.JobConsistency)
	if b := balanceOf(t, w.Agent.ID); b.Available != 9000 || b.Frozen != 0 {
		t.Fatalf("live vs success: applied and committed: %+v", b)
	}
	if k, st := findingOf(t, w, appOrderNo); k != "order_live" || st != "fixed" {
		t.Fatalf("finding %q %q", k, st)
	}

	f.SetOrder(appOrderNo, func(u *ipipv.Order) { u.Status = ipipv.OrderFailed })
	f.SetOrder("OUTSIDE-1", func(u *ipipv.Order) { u.Status = ipipv.OrderSuccess; u.Amount = "9.00" })
	w.Admin.C.RunJob(t, proxy.JobConsistency)
	w.Admin.C.RunJob(t, proxy.JobConsistency) // a second run repairs nothing twice
	if b := balanceOf(t, w.Agent.ID); b.Available != 10_000 || b.Frozen != 0 {
		t.Fatalf("charged vs failed: credited back once: %+v", b)
	}
	if k, st := findingOf(t, w, "OUTSIDE-1"); k != "order_upstream" || st != "needs_decision" {
		t.Fatalf("upstream-only finding %q %q", k, st)
	}
}
