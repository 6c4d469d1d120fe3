package derp_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/testkit"
)

var serverSeq int

// onlyServers inserts n servers (as the servers API would, through the dao) in distinct regions
// and drains every other active server for the test, so placement sees exactly these.
func onlyServers(t *testing.T, n int) []int64 {
	t.Helper()
	ctx := context.Background()
	cols := dao.DerpServers.Columns()
	others, err := dao.DerpServers.Ctx(ctx).Fields(cols.Id).Where(cols.State, "active").Array()
	if err != nil {
		t.Fatal(err)
	}
	if len(others) > 0 {
		if _, err = dao.DerpServers.Ctx(ctx).Data(do.DerpServers{State: "draining"}).WhereIn(cols.Id, others).Update(); err != nil {
			t.Fatal(err)
		}
	}
	ids := make([]int64, n)
	for i := range ids {
		serverSeq++
		ids[i], err = dao.DerpServers.Ctx(ctx).Data(do.DerpServers{Name: fmt.Sprintf("s%d", serverSeq),
			Region: []string{"sha", "can", "hkg", "sin"}[i%4], RegionName: "R", PublicIpv4: fmt.Sprintf("127.9.%d.%d", serverSeq/200, serverSeq%200+1),
			SshHost: "127.0.0.1", SshPort: 1, SshAuth: "password", SshSecretEnc: "x", CertPem: "x", CertKeyEnc: "x",
			CertPin: "sha256-raw:00", PortBase: 20000, PortCount: 1000, MaxContainers: 50, State: "active",
			Health: "unknown", HostState: "pending"}).InsertAndGetId()
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		_, _ = dao.DerpServers.Ctx(ctx).Data(do.DerpServers{State: "removed"}).WhereIn(cols.Id, ids).Update()
		if len(others) > 0 {
			_, _ = dao.DerpServers.Ctx(ctx).Data(do.DerpServers{State: "active"}).WhereIn(cols.Id, others).Update()
		}
	})
	return ids
}

func serialStatus(t *testing.T, code string) string {
	t.Helper()
	var l v1.SerialListRes
	n := strings.ReplaceAll(code, "-", "")
	testkit.Current().Admin(t).Get(t, "/api/derp/serials/list?last4="+n[len(n)-4:]).Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 1 {
		t.Fatalf("serial %s: %+v", code, l)
	}
	return l.Items[0].Status
}

// §14.2: expiresAt = now + days; 3 containers on 3 servers with no duplicate (server, port);
// the detail and the list are the owner's only; staff on /me → 403 DERP_NOT_CUSTOMER.
func TestActivateBySerial(t *testing.T) {
	w := newWorld(t)
	servers := onlyServers(t, 3)
	clk := testkit.SharedClock{}
	now := time.Now().Truncate(time.Second)
	clk.Freeze(t, now)
	t.Cleanup(func() { clk.Release(t) })
	b := issue(t, w, 3, 1, nil)
	typed := strings.ToLower(strings.ReplaceAll(b.Codes[0], "-", " "))
	var d v1.RentalDetail
	w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"serial": typed}).Expect(t, http.StatusOK).Decode(t, &d)
	exp, err := time.Parse(time.RFC3339, d.ExpiresAt)
	if err != nil || !exp.Equal(now.Add(30*24*time.Hour)) {
		t.Fatalf("expiresAt %s, want %s", d.ExpiresAt, now.Add(30*24*time.Hour))
	}
	if d.State != "active" || d.PlanId != 3 || d.DaysLeft != 30 || d.PlacementDegraded || len(d.Nodes) != 3 ||
		!d.OmitDefaultRegions || d.RentalNo == "" {
		t.Fatalf("detail %+v", d)
	}
	hosts := map[string]bool{}
	for i, n := range d.Nodes {
		if n.HaIndex != i+1 || n.RegionId != 901+i || n.Port != 20000 || n.State != "pending" || hosts[n.Host] {
			t.Fatalf("node %+v of %+v", n, d.Nodes)
		}
		hosts[n.Host] = true
	}
	if st := serialStatus(t, b.Codes[0]); st != "used" {
		t.Fatalf("serial %s", st)
	}
	var cnt int
	for _, id := range servers {
		v, _ := dao.DerpServers.Ctx(context.Background()).WherePri(id).Value("container_count")
		cnt += v.Int()
	}
	if cnt != 3 {
		t.Fatalf("container_count sum %d", cnt)
	}

	// A second rental on the same servers takes the next port.
	b2 := issue(t, w, 3, 1, nil)
	var d2 v1.RentalDetail
	w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"serial": b2.Codes[0]}).Expect(t, http.StatusOK).Decode(t, &d2)
	for _, n := range d2.Nodes {
		if n.Port != 20001 {
			t.Fatalf("second rental node %+v", n)
		}
	}
	expectReason(t, w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"serial": b.Codes[0]}),
		http.StatusConflict, "SERIAL_INVALID")

	var l v1.MeRentalListRes
	w.Member.C.Get(t, "/api/derp/me/rentals/list").Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 2 {
		t.Fatalf("list %+v", l)
	}
	w.Member.C.Get(t, "/api/derp/me/rentals/"+itoa(d.Id)).Expect(t, http.StatusOK)
	other := login(t, testkit.SeedUser(t, "member", w.Agent.SeededUser))
	other.C.Get(t, "/api/derp/me/rentals/"+itoa(d.Id)).Expect(t, http.StatusNotFound)
	for _, staff := range []*testkit.Client{w.Admin.C, w.Boss.C, w.Agent.C} {
		expectReason(t, staff.Get(t, "/api/derp/me/rentals/list"), http.StatusForbidden, "DERP_NOT_CUSTOMER")
		expectReason(t, staff.Post(t, "/api/derp/me/rentals/activate", map[string]any{"serial": b2.Codes[0]}),
			http.StatusForbidden, "DERP_NOT_CUSTOMER")
	}
	testClient().Get(t, "/api/derp/me/rentals/list").Expect(t, http.StatusUnauthorized)

	// An expired serial is refused like an unknown one.
	b3 := issue(t, w, 3, 1, nil)
	clk.Advance(t, 30*24*time.Hour)
	w.Member = login(t, w.Member.SeededUser)
	expectReason(t, w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"serial": b3.Codes[0]}),
		http.StatusConflict, "SERIAL_INVALID")
}

// §14.2: 0 servers → DERP_NO_CAPACITY with the serial unused; 2 servers → degraded.
func TestActivateCapacity(t *testing.T) {
	w := newWorld(t)
	onlyServers(t, 0)
	b := issue(t, w, 3, 2, nil)
	expectReason(t, w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"serial": b.Codes[0]}),
		http.StatusConflict, "DERP_NO_CAPACITY")
	if st := serialStatus(t, b.Codes[0]); st != "unused" {
		t.Fatalf("serial %s after no capacity", st)
	}
	var l v1.MeRentalListRes
	w.Member.C.Get(t, "/api/derp/me/rentals/list").Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 0 {
		t.Fatalf("a rental without capacity: %+v", l)
	}
	onlyServers(t, 2)
	var d v1.RentalDetail
	w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"serial": b.Codes[0]}).Expect(t, http.StatusOK).Decode(t, &d)
	if !d.PlacementDegraded || len(d.Nodes) != 2 || d.Nodes[0].Host == d.Nodes[1].Host {
		t.Fatalf("degraded %+v", d)
	}
}

// §14.1: 2 nodes × 25 concurrent claims of one serial → 1 rental, 49 SERIAL_INVALID. Ten
// members share the claims so none reaches the failed-claim limit.
func TestActivateConcurrentClaims(t *testing.T) {
	w := newWorld(t)
	onlyServers(t, 3)
	b := issue(t, w, 3, 1, nil)
	node := testkit.Current().StartNode(t)
	var members []actor
	for i := 0; i < 10; i++ {
		members = append(members, login(t, testkit.SeedUser(t, "member", w.Agent.SeededUser)))
	}
	const claims = 50
	statuses := make([]string, claims)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := 0; i < claims; i++ {
		cl := members[i%len(members)].C
		if i%2 == 1 {
			c2 := node.Client()
			c2.Token, c2.Header = cl.Token, cl.Header
			cl = c2
		}
		wg.Add(1)
		go func(i int, cl *testkit.Client) {
			defer wg.Done()
			<-start
			r, err := cl.DoErr("POST", "/api/derp/me/rentals/activate", map[string]any{"serial": b.Codes[0]})
			if err != nil {
				statuses[i] = err.Error()
				return
			}
			statuses[i] = fmt.Sprintf("%d %s", r.Status, r.Reason)
		}(i, cl)
	}
	close(start)
	wg.Wait()
	won, lost := 0, 0
	for _, st := range statuses {
		switch st {
		case "200 ":
			won++
		case "409 SERIAL_INVALID":
			lost++
		default:
			t.Fatalf("claim answered %q (all: %v)", st, statuses)
		}
	}
	if won != 1 || lost != claims-1 {
		t.Fatalf("%d won, %d lost", won, lost)
	}
	n, err := dao.DerpRentals.Ctx(context.Background()).Where("plan_id", 3).
		WhereIn("user_id", dao.DerpSerials.Ctx(context.Background()).Fields("used_by").Where("batch_id", b.Id)).Count()
	if err != nil || n != 1 {
		t.Fatalf("%d rentals (%v)", n, err)
	}
}

// §5: 429 after 10 failed claims per user per hour.
func TestActivateFailedClaimLimit(t *testing.T) {
	w := newWorld(t)
	for i := 0; i < 10; i++ {
		expectReason(t, w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"serial": "DR-00000-00000-00000-00000-00000" + fmt.Sprint(i%10)}),
			http.StatusConflict, "SERIAL_INVALID")
	}
	r := w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"serial": "DR-00000-00000-00000-00000-000000"})
	expectReason(t, r, http.StatusTooManyRequests, "RATE_LIMITED")
	if r.Header.Get("Retry-After") == "" {
		t.Fatalf("no Retry-After")
	}
}

// §11: a customer balance activation collects the list price; a platinum distributor earns
// floor(amount·1500/10000); the same Idempotency-Key answers the first rental and moves nothing.
func TestActivateByBalance(t *testing.T) {
	w := newWorld(t)
	onlyServers(t, 3)
	tier(t, w, w.Agent.ID, "platinum")
	plan := sellablePlan(t, w, 1003, 5)
	recharge(t, w, w.Member.ID, 1500)
	before := balanceOf(t, w, w.Agent.ID)
	w.Member.C.Header.Set("Idempotency-Key", testkit.UniqueName("k"))
	var d v1.RentalDetail
	w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"planId": plan}).Expect(t, http.StatusOK).Decode(t, &d)
	if d.PlanId != plan || len(d.Nodes) != 3 || d.State != "active" {
		t.Fatalf("detail %+v", d)
	}
	var again v1.RentalDetail
	w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"planId": plan}).Expect(t, http.StatusOK).Decode(t, &again)
	if again.Id != d.Id {
		t.Fatalf("a repeated key made rental %d (first %d)", again.Id, d.Id)
	}
	w.Member.C.Header.Del("Idempotency-Key")
	if b := balanceOf(t, w, w.Member.ID); b.Available != 1500-1003 || b.Frozen != 0 {
		t.Fatalf("customer balance %+v", b)
	}
	if a := balanceOf(t, w, w.Agent.ID); a.Available-before.Available != 1003*1500/10000 {
		t.Fatalf("commission %d", a.Available-before.Available)
	}
	expectReason(t, w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"planId": plan}),
		http.StatusConflict, "QUOTA_INSUFFICIENT")
}
