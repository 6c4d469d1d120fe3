package proxy_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/logic/proxy"
	"kami/internal/model/do"
)

func TestLogListsAndPurge(t *testing.T) {
	w := newWorld(t)
	withFake(t, w)
	w.Admin.C.RunJob(t, proxy.JobProductSync)
	var page struct {
		Items []struct {
			Job  string `json:"job"`
			Path string `json:"path"`
		} `json:"items"`
		Total int `json:"total"`
	}
	w.Admin.C.Get(t, "/api/proxy/sync-logs/list?job="+proxy.JobProductSync).Expect(t, http.StatusOK).Decode(t, &page)
	if page.Total == 0 || page.Items[0].Job != proxy.JobProductSync {
		t.Fatalf("sync logs %+v", page)
	}
	w.Admin.C.Get(t, "/api/proxy/call-logs/list?pageSize=5").Expect(t, http.StatusOK).Decode(t, &page)
	if page.Total == 0 || page.Items[0].Path == "" {
		t.Fatalf("call logs %+v", page)
	}
	w.Admin.C.Get(t, "/api/proxy/callback-logs/list").Expect(t, http.StatusOK)
	for _, path := range []string{"/api/proxy/sync-logs/list", "/api/proxy/call-logs/list", "/api/proxy/callback-logs/list",
		"/api/proxy/discrepancies/list"} {
		w.Boss.C.Get(t, path).Expect(t, http.StatusForbidden)
		w.Agent.C.Get(t, path).Expect(t, http.StatusForbidden)
	}

	// Purge: a call log older than 30 days goes, a fresh one stays.
	ctx := context.Background()
	old := gtime.New(time.Now().Add(-31 * 24 * time.Hour))
	oldID, err := dao.ProxyCallLog.Ctx(ctx).Data(do.ProxyCallLog{Path: "/old", CreatedAt: old}).InsertAndGetId()
	if err != nil {
		t.Fatal(err)
	}
	newID, _ := dao.ProxyCallLog.Ctx(ctx).Data(do.ProxyCallLog{Path: "/new", CreatedAt: gtime.Now()}).InsertAndGetId()
	w.Admin.C.RunJob(t, proxy.JobPurge)
	if n, _ := dao.ProxyCallLog.Ctx(ctx).WhereIn("id", []int64{oldID, newID}).Count(); n != 1 {
		t.Fatalf("%d of the two rows left", n)
	}
}

func TestResolveDiscrepancy(t *testing.T) {
	w := newWorld(t)
	fund(t, w.Agent.ID, 1000)
	ctx := context.Background()
	insert := func(status string, detail any) int64 {
		t.Helper()
		b, _ := json.Marshal(detail)
		id, err := dao.ProxyDiscrepancy.Ctx(ctx).Data(do.ProxyDiscrepancy{Kind: "order_upstream_success",
			Subject: fmt.Sprintf("T%d-%d", time.Now().UnixNano(), w.Agent.ID), Detail: string(b), Status: status,
			CreatedAt: gtime.Now()}).InsertAndGetId()
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	charge := insert("needs_decision", map[string]any{"agentId": w.Agent.ID, "amount": 300})
	waive := insert("needs_decision", map[string]any{"agentId": w.Agent.ID, "amount": 300})
	fixed := insert("fixed", map[string]any{})
	noAmount := insert("needs_decision", map[string]any{})
	resolve := func(id int64, action string) int {
		return w.Admin.C.Post(t, fmt.Sprintf("/api/proxy/discrepancies/%d/resolve", id),
			map[string]any{"action": action, "remark": "checked"}).Status
	}
	w.Boss.C.Post(t, fmt.Sprintf("/api/proxy/discrepancies/%d/resolve", charge), map[string]any{"action": "waive"}).Expect(t, http.StatusForbidden)
	if st := resolve(charge, "refund"); st != http.StatusBadRequest {
		t.Fatalf("unknown action: %d", st)
	}
	if st := resolve(charge, "charge"); st != http.StatusOK {
		t.Fatalf("charge: %d", st)
	}
	if b := balanceOf(t, w.Agent.ID); b.Available != 700 {
		t.Fatalf("charged balance %+v", b)
	}
	if st := resolve(charge, "charge"); st != http.StatusConflict {
		t.Fatalf("second decision: %d", st)
	}
	if st := resolve(waive, "waive"); st != http.StatusOK {
		t.Fatalf("waive: %d", st)
	}
	if st := resolve(fixed, "ignore"); st != http.StatusConflict {
		t.Fatalf("a fixed finding: %d", st)
	}
	if st := resolve(noAmount, "charge"); st != http.StatusConflict {
		t.Fatalf("charge without an amount: %d", st)
	}
	if st := resolve(999999999, "ignore"); st != http.StatusNotFound {
		t.Fatalf("unknown: %d", st)
	}
	if b := balanceOf(t, w.Agent.ID); b.Available != 700 {
		t.Fatalf("only the charge moved money: %+v", b)
	}
	var l struct {
		Items []struct {
			Id         int64  `json:"id"`
			Status     string `json:"status"`
			Resolution string `json:"resolution"`
		} `json:"items"`
	}
	w.Admin.C.Get(t, "/api/proxy/discrepancies/list?status=resolved&pageSize=100").Expect(t, http.StatusOK).Decode(t, &l)
	found := 0
	for _, it := range l.Items {
		if (it.Id == charge && it.Resolution == "charge") || (it.Id == waive && it.Resolution == "waive") {
			found++
		}
	}
	if found != 2 {
		t.Fatalf("resolved list %+v", l)
	}
}
