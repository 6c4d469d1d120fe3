package proxy_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/logic/proxy"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/service"
	"kami/internal/testkit"
)

type finding struct {
	Id      int64  `json:"id"`
	Kind    string `json:"kind"`
	Subject string `json:"subject"`
	Status  string `json:"status"`
	Detail  string `json:"detail"`
}

// findingBy is the newest finding of kind whose subject starts with prefix (zero when none).
func findingBy(t *testing.T, w world, kind, prefix string) finding {
	t.Helper()
	var l struct {
		Items []finding `json:"items"`
	}
	w.Admin.C.Get(t, "/api/proxy/discrepancies/list?pageSize=100&kind="+kind).Expect(t, http.StatusOK).Decode(t, &l)
	for _, it := range l.Items {
		if strings.HasPrefix(it.Subject, prefix) {
			return it
		}
	}
	return finding{}
}

// lastConsistency is the counts of the newest proxy.consistency run (its sync log row).
func lastConsistency(t *testing.T, w world) map[string]any {
	t.Helper()
	var l struct {
		Items []struct {
			Status string `json:"status"`
			Counts string `json:"counts"`
		} `json:"items"`
	}
	w.Admin.C.Get(t, "/api/proxy/sync-logs/list?pageSize=1&job="+proxy.JobConsistency).Expect(t, http.StatusOK).Decode(t, &l)
	if len(l.Items) != 1 || l.Items[0].Status != "ok" {
		t.Fatalf("consistency run log %+v", l)
	}
	out := map[string]any{}
	if err := json.Unmarshal([]byte(l.Items[0].Counts), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func runConsistency(t *testing.T, w world) map[string]any {
	t.Helper()
	if run := w.Admin.C.RunJob(t, proxy.JobConsistency); run.Status != "success" {
		t.Fatalf("consistency run %+v", run)
	}
	return lastConsistency(t, w)
}

// TestConsistencyUnpaidNeedsDecision: Kami failed an order (the upstream refused the send and
// its verify found nothing) that the upstream later fulfilled anyway → needs_decision, never an
// automatic debit; the super-admin's charge then debits the sale amount once.
func TestConsistencyUnpaidNeedsDecision(t *testing.T) {
	w := newWorld(t)
	f := onSaleDynamic(t, w)
	pauseJobs(t, w.Admin.C, proxy.JobConsistency)
	fund(t, w.Agent.ID, 10_000)
	f.Fault(ipipv.PathOpen, ipipv.Code(500, "busy"))
	w.Agent.C.Post(t, "/api/proxy/orders/dynamic", map[string]any{"productNo": "DYN104", "flowGb": 2}).
		Expect(t, http.StatusConflict)
	var l struct {
		Items []order `json:"items"`
	}
	w.Agent.C.Get(t, "/api/proxy/orders/list?status=failed&pageSize=1").Expect(t, http.StatusOK).Decode(t, &l)
	if len(l.Items) != 1 || l.Items[0].SaleAmount != 1000 {
		t.Fatalf("the refused order %+v", l)
	}
	o := l.Items[0]
	assertSettled(t, o)
	f.SetOrder(o.AppOrderNo, func(u *ipipv.Order) { u.Status, u.Amount = ipipv.OrderSuccess, "6.00" })
	runConsistency(t, w)
	runConsistency(t, w)
	fd := findingBy(t, w, "order_unpaid", o.AppOrderNo)
	if fd.Status != "needs_decision" {
		t.Fatalf("local failed vs upstream success: %+v", fd)
	}
	if b := balanceOf(t, w.Agent.ID); b.Available != 10_000 || b.Frozen != 0 {
		t.Fatalf("no automatic debit: %+v", b)
	}
	if got := getOrder(t, w.Agent, o.Id); got.Status != "failed" || got.ChargedAmount != 0 {
		t.Fatalf("the order stays as Kami decided: %+v", got)
	}
	w.Admin.C.Post(t, fmt.Sprintf("/api/proxy/discrepancies/%d/resolve", fd.Id), map[string]any{"action": "charge", "remark": "fulfilled"}).
		Expect(t, http.StatusOK)
	if b := balanceOf(t, w.Agent.ID); b.Available != 9000 {
		t.Fatalf("charged once by decision: %+v", b)
	}
}

// TestConsistencyLedgerRule: a terminal order whose reserve is still open gets its missing
// step (success → commit of what it charged, failed → release), once; a proxy reserve no live
// order holds → a frozen alert that cannot be charged.
func TestConsistencyLedgerRule(t *testing.T) {
	w := newWorld(t)
	onSaleDynamic(t, w)
	pauseJobs(t, w.Admin.C, proxy.JobConsistency)
	fund(t, w.Agent.ID, 10_000)
	place := func() order {
		var o order
		w.Agent.C.Post(t, "/api/proxy/orders/dynamic", map[string]any{"productNo": "DYN104", "flowGb": 1}).
			Expect(t, http.StatusOK).Decode(t, &o)
		return o
	}
	ctx := context.Background()
	// Terminal rows with open reserves, as a crash between two writes would leave them.
	won, lost := place(), place()
	for _, x := range []struct {
		o      order
		status string
		charge int64
	}{{won, "success", 500}, {lost, "failed", 0}} {
		if _, err := dao.ProxyOrder.Ctx(ctx).WherePri(x.o.Id).Data(do.ProxyOrder{Status: x.status, ChargedAmount: x.charge}).Update(); err != nil {
			t.Fatal(err)
		}
	}
	if b := balanceOf(t, w.Agent.ID); b.Frozen != 1000 {
		t.Fatalf("both reserves open before the run: %+v", b)
	}
	c := runConsistency(t, w)
	runConsistency(t, w)
	if c["ledgerSettled"].(float64) < 2 {
		t.Fatalf("counts %+v", c)
	}
	if b := balanceOf(t, w.Agent.ID); b.Available != 9500 || b.Frozen != 0 {
		t.Fatalf("one commit of 500, one release: %+v", b)
	}
	for _, o := range []order{won, lost} {
		got := getOrder(t, w.Agent, o.Id)
		assertSettled(t, got)
		if fd := findingBy(t, w, "ledger_settled", o.AppOrderNo); fd.Status != "fixed" {
			t.Fatalf("finding of %s: %+v", o.AppOrderNo, fd)
		}
	}
	prefix := fmt.Sprintf("%d@", w.Agent.ID)
	if fd := findingBy(t, w, "ledger_frozen", prefix); fd.Id != 0 {
		t.Fatalf("consistent reserves raise nothing: %+v", fd)
	}

	ref := fmt.Sprintf("proxy_order:ORPHAN%d", time.Now().UnixNano())
	if _, err := service.Quota().Reserve(ctx, nil, model.QuotaReserve{UserID: w.Agent.ID, Amount: 77,
		Type: proxy.QuotaTypeOrder, Ref: ref, IdemKey: ref}); err != nil {
		t.Fatal(err)
	}
	if c := runConsistency(t, w); c["frozenAlerts"].(float64) < 1 {
		t.Fatalf("counts %+v", c)
	}
	fd := findingBy(t, w, "ledger_frozen", prefix)
	if fd.Status != "needs_decision" || !strings.Contains(fd.Detail, `"frozen":77`) {
		t.Fatalf("frozen ≠ Σ live reserves: %+v", fd)
	}
	resolve := func(action string) int {
		return w.Admin.C.Post(t, fmt.Sprintf("/api/proxy/discrepancies/%d/resolve", fd.Id),
			map[string]any{"action": action, "remark": "looked"}).Status
	}
	if st := resolve("charge"); st != http.StatusConflict {
		t.Fatalf("an alert carries no charge: %d", st)
	}
	if st := resolve("ignore"); st != http.StatusOK {
		t.Fatalf("ignore: %d", st)
	}
	if b := balanceOf(t, w.Agent.ID); b.Available != 9500-77 || b.Frozen != 77 {
		t.Fatalf("the alert moved nothing: %+v", b)
	}
}

// TestConsistencyInstances: drift written back (fixed); a live upstream instance unknown here
// and a live local one the upstream lacks → needs_decision; nothing charged.
func TestConsistencyInstances(t *testing.T) {
	w := newWorld(t)
	f := frozenFake(t, w)
	pauseJobs(t, w.Admin.C, proxy.JobConsistency)
	fund(t, w.Agent.ID, 10_000)
	no := openedInstances(t, w, f, 1)[0]
	exp := testkit.SharedClock{}.Now().Add(5 * 24 * time.Hour).Truncate(time.Second)
	f.SetInstance(no, func(in *ipipv.Instance) { in.UserExpired = exp.Unix() })
	ext := fmt.Sprintf("EXT%d", time.Now().UnixNano())
	f.AddInstance(ipipv.Instance{InstanceNo: ext, ProductNo: "ST101", IP: "10.9.9.9", Status: 3})
	loc := fmt.Sprintf("LOC%d", time.Now().UnixNano())
	if _, err := dao.ProxyInstance.Ctx(context.Background()).Data(do.ProxyInstance{InstanceNo: loc, AgentId: w.Agent.ID,
		ProductNo: "ST101", Password: "", Status: 3, CreatedAt: gtime.Now(), UpdatedAt: gtime.Now()}).Insert(); err != nil {
		t.Fatal(err)
	}
	before := balanceOf(t, w.Agent.ID)
	c := runConsistency(t, w)
	if c["instancesFixed"].(float64) < 1 {
		t.Fatalf("counts %+v", c)
	}
	var in instance
	w.Agent.C.Get(t, "/api/proxy/instances/"+no).Expect(t, http.StatusOK).Decode(t, &in)
	if got, _ := time.Parse(time.RFC3339, *in.ExpiresAt); !got.Equal(exp) {
		t.Fatalf("drift fixed: %+v (want %v)", in, exp)
	}
	if fd := findingBy(t, w, "instance_drift", no+"@"); fd.Status != "fixed" {
		t.Fatalf("drift finding %+v", fd)
	}
	if fd := findingBy(t, w, "instance_upstream", ext); fd.Status != "needs_decision" {
		t.Fatalf("upstream-only %+v", fd)
	}
	if fd := findingBy(t, w, "instance_local", loc); fd.Status != "needs_decision" {
		t.Fatalf("local-only %+v", fd)
	}
	if fd := findingBy(t, w, "instance_local", no); fd.Id != 0 {
		t.Fatalf("an instance on both sides is no finding: %+v", fd)
	}
	if after := balanceOf(t, w.Agent.ID); after != before {
		t.Fatalf("nothing charged: %+v → %+v", before, after)
	}
	if c := runConsistency(t, w); c["instancesFixed"].(float64) != 0 {
		t.Fatalf("a second run finds no drift: %+v", c)
	}
}

// TestConsistencyLimits: a pushed limit the upstream holds differently is pushed again.
func TestConsistencyLimits(t *testing.T) {
	w := newWorld(t)
	f := onSaleDynamic(t, w)
	pauseJobs(t, w.Admin.C, proxy.JobConsistency)
	var u proxyUser
	name := fmt.Sprintf("cl%d", time.Now().UnixNano()%1_000_000_000)
	w.Agent.C.Post(t, "/api/proxy/users", map[string]any{"username": name}).Expect(t, http.StatusOK).Decode(t, &u)
	w.Agent.C.Put(t, fmt.Sprintf("/api/proxy/users/%d/limits", u.Id), map[string]any{"productNo": "DYN104", "limitBytes": 5000}).
		Expect(t, http.StatusOK)
	if v, ok := f.Limit(u.AppUsername, "DYN104"); !ok || v != 5000 {
		t.Fatalf("pushed %d %v", v, ok)
	}
	if c := runConsistency(t, w); c["limitsChecked"].(float64) < 1 {
		t.Fatalf("counts %+v", c)
	}
	if fd := findingBy(t, w, "limit_drift", fmt.Sprintf("%d/", u.Id)); fd.Id != 0 {
		t.Fatalf("an agreeing limit is no finding: %+v", fd)
	}
	f.SetLimit(u.AppUsername, "DYN104", 1)
	if c := runConsistency(t, w); c["limitsRepushed"].(float64) < 1 {
		t.Fatalf("counts %+v", c)
	}
	if v, _ := f.Limit(u.AppUsername, "DYN104"); v != 5000 {
		t.Fatalf("re-pushed: upstream holds %d", v)
	}
	if fd := findingBy(t, w, "limit_drift", fmt.Sprintf("%d/DYN104@", u.Id)); fd.Status != "fixed" {
		t.Fatalf("limit finding %+v", fd)
	}
}

// TestConsistencyCoinDrift: the coin drop between two runs equals the cost of the orders placed
// in between (drift 0, no finding); a drop outside Kami is reported, nothing else moves.
func TestConsistencyCoinDrift(t *testing.T) {
	w := newWorld(t)
	f := frozenFake(t, w)
	pauseJobs(t, w.Admin.C, proxy.JobConsistency)
	fund(t, w.Agent.ID, 10_000)
	step := func() {
		testkit.SharedClock{}.Advance(t, time.Minute)
	}
	step()               // past the orders earlier tests placed in this second
	runConsistency(t, w) // the baseline
	step()
	openedInstances(t, w, f, 2) // cost 2 × 10.00
	step()
	c := runConsistency(t, w)
	if c["coinSpent"].(float64) != 2000 || c["costAmount"].(float64) != 2000 || c["coinDrift"].(float64) != 0 {
		t.Fatalf("spent = cost: %+v", c)
	}
	step()
	f.SpendCoin(345)
	before := balanceOf(t, w.Agent.ID)
	step()
	c = runConsistency(t, w)
	if c["coinDrift"].(float64) != 345 {
		t.Fatalf("drift: %+v", c)
	}
	if fd := findingBy(t, w, "coin_drift", fmt.Sprintf("coin@%d", int64(c["coinAt"].(float64)))); fd.Status != "report" {
		t.Fatalf("coin finding %+v", fd)
	}
	if after := balanceOf(t, w.Agent.ID); after != before {
		t.Fatalf("a report moves nothing: %+v → %+v", before, after)
	}
}
