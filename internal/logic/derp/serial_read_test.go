package derp_test

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

func issue(t *testing.T, w world, planID int64, count int, dist *int64) v1.SerialBatchCreateRes {
	t.Helper()
	body := map[string]any{"planId": planID, "count": count}
	if dist != nil {
		body["distributorId"] = *dist
	}
	var b v1.SerialBatchCreateRes
	w.Admin.C.Post(t, "/api/derp/serials/batches", body).Expect(t, http.StatusOK).Decode(t, &b)
	return b
}

// §5 serial reads: scoped by distributor, never a code; void (S) is a guarded unused → void;
// the export (S or the owner) holds the codes.
func TestSerialReads(t *testing.T) {
	w := newWorld(t)
	tier(t, w, w.Agent.ID, "gold")
	b := issue(t, w, 3, 3, &w.Agent.ID)
	stranger := login(t, testkit.SeedUser(t, "agent-admin", w.Admin.SeededUser))
	for _, c := range []struct {
		cl   *testkit.Client
		want int
	}{{w.Admin.C, 3}, {w.Boss.C, 3}, {w.Agent.C, 3}, {stranger.C, 0}} {
		r := c.cl.Get(t, "/api/derp/serials/list?batchId="+itoa(b.Id)).Expect(t, http.StatusOK)
		var l v1.SerialListRes
		r.Decode(t, &l)
		if l.Total != c.want {
			t.Fatalf("list total %d, want %d", l.Total, c.want)
		}
		for _, code := range b.Codes {
			if bytes.Contains(r.Raw, []byte(code[3:14])) {
				t.Fatalf("a list shows a code")
			}
		}
	}
	var l v1.SerialListRes
	last4 := strings.ReplaceAll(b.Codes[1], "-", "")
	last4 = last4[len(last4)-4:]
	w.Agent.C.Get(t, "/api/derp/serials/list?last4="+strings.ToLower(last4)+"&batchId="+itoa(b.Id)).
		Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total < 1 || l.Items[0].Last4 != last4 || l.Items[0].Status != "unused" || l.Items[0].Days != 30 ||
		l.Items[0].DistributorId == nil || *l.Items[0].DistributorId != w.Agent.ID {
		t.Fatalf("by last4 %+v", l)
	}
	id := l.Items[0].Id
	stranger.C.Get(t, "/api/derp/serials/"+itoa(id)).Expect(t, http.StatusNotFound)
	var d v1.SerialGetRes
	w.Agent.C.Get(t, "/api/derp/serials/"+itoa(id)).Expect(t, http.StatusOK).Decode(t, &d)
	if d.Id != id || d.Rental != nil {
		t.Fatalf("detail %+v", d)
	}

	w.Agent.C.Post(t, "/api/derp/serials/"+itoa(id)+"/void", nil).Expect(t, http.StatusForbidden)
	var v v1.SerialItem
	w.Admin.C.Post(t, "/api/derp/serials/"+itoa(id)+"/void", nil).Expect(t, http.StatusOK).Decode(t, &v)
	if v.Status != "void" {
		t.Fatalf("voided %+v", v)
	}
	expectReason(t, w.Admin.C.Post(t, "/api/derp/serials/"+itoa(id)+"/void", nil), http.StatusConflict, "DERP_INVALID_STATE")

	var bl v1.SerialBatchListRes
	w.Agent.C.Get(t, "/api/derp/serials/batches/list").Expect(t, http.StatusOK).Decode(t, &bl)
	if bl.Total != 1 || bl.Items[0].Id != b.Id || bl.Items[0].Count != 3 {
		t.Fatalf("agent batches %+v", bl)
	}
	stranger.C.Get(t, "/api/derp/serials/batches/list").Expect(t, http.StatusOK).Decode(t, &bl)
	if bl.Total != 0 {
		t.Fatalf("stranger batches %+v", bl)
	}
	for _, cl := range []*testkit.Client{w.Admin.C, w.Agent.C} {
		raw := cl.Get(t, "/api/derp/serials/batches/"+itoa(b.Id)+"/export?format=csv").Expect(t, http.StatusOK).Raw
		for _, code := range b.Codes {
			if !bytes.Contains(raw, []byte(code)) {
				t.Fatalf("export lacks %s: %s", code, raw)
			}
		}
	}
	x := w.Admin.C.Get(t, "/api/derp/serials/batches/"+itoa(b.Id)+"/export?format=xlsx").Expect(t, http.StatusOK)
	if !bytes.HasPrefix(x.Raw, []byte("PK")) {
		t.Fatalf("not an xlsx")
	}
	stranger.C.Get(t, "/api/derp/serials/batches/"+itoa(b.Id)+"/export").Expect(t, http.StatusNotFound)
	w.Boss.C.Get(t, "/api/derp/serials/batches/"+itoa(b.Id)+"/export").Expect(t, http.StatusNotFound)
	// Each export that handed out the codes has its one audit row, completed with the answer
	// (it stayed status 0: reads skip the operation log's completion); the refused ones none.
	var logs []entity.OperationLogs
	if err := dao.OperationLogs.Ctx(context.Background()).Where("path", "/api/derp/serials/batches/"+itoa(b.Id)+"/export").
		OrderAsc("id").Scan(&logs); err != nil {
		t.Fatal(err)
	}
	if len(logs) != 3 {
		t.Fatalf("%d export rows, want 3", len(logs))
	}
	for _, l := range logs {
		if l.Status != http.StatusOK || l.Method != "GET" || l.UserId == 0 {
			t.Fatalf("export row %+v", l)
		}
	}
}

// §4, §10 derp.serial_expire: unused serials past creation + 30 d become expired; used and
// void ones stay.
func TestSerialExpireJob(t *testing.T) {
	w := newWorld(t)
	clk := testkit.SharedClock{}
	clk.Freeze(t, time.Now())
	t.Cleanup(func() { clk.Release(t) })
	b := issue(t, w, 3, 2, nil)
	var l v1.SerialListRes
	w.Admin.C.Get(t, "/api/derp/serials/list?batchId="+itoa(b.Id)).Expect(t, http.StatusOK).Decode(t, &l)
	w.Admin.C.Post(t, "/api/derp/serials/"+itoa(l.Items[0].Id)+"/void", nil).Expect(t, http.StatusOK)
	clk.Advance(t, 30*24*time.Hour-time.Minute)
	w.Admin = login(t, w.Admin.SeededUser) // the session lapsed with the month
	w.Admin.C.RunJob(t, "derp.serial_expire")
	w.Admin.C.Get(t, "/api/derp/serials/list?status=unused&batchId="+itoa(b.Id)).Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 1 {
		t.Fatalf("expired early: %+v", l)
	}
	clk.Advance(t, 2*time.Minute)
	if run := w.Admin.C.RunJob(t, "derp.serial_expire"); run.Status != "success" || run.Items < 1 {
		t.Fatalf("run %+v", run)
	}
	w.Admin.C.Get(t, "/api/derp/serials/list?batchId="+itoa(b.Id)).Expect(t, http.StatusOK).Decode(t, &l)
	for _, it := range l.Items {
		if it.Status != "expired" && it.Status != "void" {
			t.Fatalf("after the job %+v", it)
		}
	}
}
