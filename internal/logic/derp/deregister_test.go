package derp_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/logic/derp/host"
	"kami/internal/logic/derp/host/hostfake"
	"kami/internal/logic/derp/hostop"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

// hosts is one emulated docker host per server behind one Runner, and the host-op worker that
// drives them (the worker is not started at boot on this branch, so the test runs its rounds).
type hosts struct {
	t     *testing.T
	fakes map[int64]*hostfake.Docker
	ids   []int64
	w     *hostop.Worker
}

func (h *hosts) Run(ctx context.Context, tg host.Target, c host.Cmd) (host.Result, error) {
	return h.fakes[tg.ServerID].Run(ctx, tg, c)
}

// fakeHosts registers n servers over HTTP (each queues its prepare), makes them the only
// active ones for the test, and prepares them through the worker.
func fakeHosts(t *testing.T, w world, n int) *hosts {
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
	h := &hosts{t: t, fakes: map[int64]*hostfake.Docker{}}
	for i := 0; i < n; i++ {
		b := serverBody(uniqueIPv4())
		b["region"] = []string{"sha", "can", "hkg"}[i%3]
		it := createServer(t, w, b)
		h.ids = append(h.ids, it.Id)
		h.fakes[it.Id] = hostfake.New(testkit.SharedClock{}.Now)
	}
	t.Cleanup(func() {
		_, _ = dao.DerpServers.Ctx(ctx).Data(do.DerpServers{State: "removed"}).WhereIn(cols.Id, h.ids).Update()
		if len(others) > 0 {
			_, _ = dao.DerpServers.Ctx(ctx).Data(do.DerpServers{State: "active"}).WhereIn(cols.Id, others).Update()
		}
	})
	h.w = &hostop.Worker{Runner: h, Clock: testkit.SharedClock{}, Owner: "life-test", Image: "derper@sha256:11",
		Servers: h.ids, AdmitBaseURL: func(context.Context) string { return "http://127.0.0.1:8000" },
		Token: func(cid int64, gen int) string { return fmt.Sprintf("%d.gen%d", cid, gen) }}
	h.settle()
	for _, id := range h.ids {
		if s := serverRow(t, id); s.HostState != "ready" {
			t.Fatalf("server %d not prepared: %s %s", id, s.HostState, s.LastError)
		}
	}
	return h
}

// settle runs worker rounds until nothing is due.
func (h *hosts) settle() {
	h.t.Helper()
	for i := 0; i < 20; i++ {
		n, err := h.w.RunOnce(context.Background())
		if err != nil {
			h.t.Fatal(err)
		}
		if n == 0 {
			return
		}
	}
	h.t.Fatal("host ops keep coming")
}

// calls counts the recorded execs with the prefix across every host.
func (h *hosts) calls(prefix string) int {
	n := 0
	for _, f := range h.fakes {
		n += f.Count(prefix)
	}
	return n
}

func threeContainersOf(t *testing.T, rentalID int64) []entity.DerpContainers {
	t.Helper()
	var cs []entity.DerpContainers
	if err := dao.DerpContainers.Ctx(context.Background()).Where("rental_id", rentalID).OrderAsc("ha_index").Scan(&cs); err != nil {
		t.Fatal(err)
	}
	if len(cs) != 3 {
		t.Fatalf("rental %d has %d containers", rentalID, len(cs))
	}
	return cs
}

func (h *hosts) status(c entity.DerpContainers) string {
	st, _, _ := h.fakes[c.ServerId].ContainerState(c.Id)
	return st
}

func lifeRentalRow(t *testing.T, id int64) *entity.DerpRentals {
	t.Helper()
	var r *entity.DerpRentals
	if err := dao.DerpRentals.Ctx(context.Background()).WherePri(id).Scan(&r); err != nil || r == nil {
		t.Fatalf("rental %d: %v", id, err)
	}
	return r
}

// §14.8 lifecycle: expiry stops the containers on the hosts and tells the customer once; 30 days
// later a settled account's rental is deregistered — containers removed on the hosts, ports
// quarantined 7 days, every ACL version revoked with its body wiped, a history snapshot, one
// notice — while the account stays; an unsettled one is held with the reason and its
// containers see no host call.
func TestExpireThenDeregister(t *testing.T) {
	w := newWorld(t)
	h := fakeHosts(t, w, 3)
	clk, now := frozen(t)
	mail := testkit.FakeMailer(t)
	email := withEmail(t, w.Member)
	debtor := login(t, testkit.SeedUser(t, "member", w.Agent.SeededUser))
	paid := activateSerial(t, w, w.Member, 1) // 3 d
	held := activateSerial(t, w, debtor, 1)
	pc, hc := threeContainersOf(t, paid.Id), threeContainersOf(t, held.Id)
	h.settle()
	for _, c := range append(append([]entity.DerpContainers{}, pc...), hc...) {
		if st := h.status(c); st != "running" {
			t.Fatalf("container %d on the host: %q", c.Id, st)
		}
	}
	// The debtor has an offline order waiting for review: not settled.
	if _, err := dao.DerpOrders.Ctx(context.Background()).Data(do.DerpOrders{OrderNo: testkit.UniqueName("O"),
		Kind: "rental_renew", BuyerId: debtor.ID, DistributorId: w.Agent.ID, PlanId: 1, PayMethod: "offline",
		Status: "pending_review", RentalId: held.Id, CreatedAt: gtime.NewFromTime(now)}).Insert(); err != nil {
		t.Fatal(err)
	}

	clk.Advance(t, 3*day)
	w = relogin(t, w)
	w.Admin.C.RunJob(t, "derp.expire")
	w.Admin.C.RunJob(t, "derp.expire")
	expectDesired(t, staffRental(t, w, paid.Id), "stopped")
	expectKinds(t, paid.Id, "expired")
	expectKinds(t, held.Id, "expired")
	h.settle()
	for _, c := range append(append([]entity.DerpContainers{}, pc...), hc...) {
		if st := h.status(c); st != "exited" {
			t.Fatalf("expired container %d on the host: %q", c.Id, st)
		}
	}
	if m := mailsTo(t, mail, w.Member.ID, email, "derp.expired", "已到期", 1); !strings.Contains(m[0].Subject, paid.RentalNo) {
		t.Fatalf("expiry mail %q", m[0].Subject)
	}

	// One minute before the 30 days: nothing moves.
	clk.Advance(t, 30*day-time.Minute)
	w = relogin(t, w)
	w.Admin.C.RunJob(t, "derp.deregister")
	if r := lifeRentalRow(t, paid.Id); r.State != "expired" {
		t.Fatalf("deregistered early: %s", r.State)
	}
	clk.Advance(t, 2*time.Minute)
	rmBefore := h.calls("docker rm -f")
	w.Admin.C.RunJob(t, "derp.deregister")
	if r := lifeRentalRow(t, paid.Id); r.State != "deregistering" {
		t.Fatalf("settled rental %s (%s)", r.State, r.HoldReason)
	}
	if r := lifeRentalRow(t, held.Id); r.State != "expired" || r.HoldReason != "pending_order" {
		t.Fatalf("unsettled rental %s hold %q", r.State, r.HoldReason)
	}
	for _, c := range threeContainersOf(t, held.Id) {
		if c.Desired != "stopped" {
			t.Fatalf("held container %+v", c)
		}
		if n, _ := dao.DerpHostOps.Ctx(context.Background()).Where("container_id", c.Id).Where("state", "pending").Count(); n != 0 {
			t.Fatalf("held container %d has %d host ops", c.Id, n)
		}
	}
	h.settle()
	for _, c := range hc {
		if st := h.status(c); st != "exited" || h.fakes[c.ServerId].Count("docker rm -f "+host.ContainerName(c.Id)) != 0 {
			t.Fatalf("held container %d touched: %q", c.Id, st)
		}
	}
	if got := h.calls("docker rm -f") - rmBefore; got != 3 {
		t.Fatalf("%d removals, want the 3 of the settled rental", got)
	}
	w.Admin.C.RunJob(t, "derp.deregister")
	w.Admin.C.RunJob(t, "derp.deregister")
	at := clk.Now()
	r := lifeRentalRow(t, paid.Id)
	if r.State != "deregistered" || r.DeregisteredAt == nil || !r.DeregisteredAt.Time.Equal(at) {
		t.Fatalf("after removal: %+v", r)
	}
	for _, c := range threeContainersOf(t, paid.Id) {
		if st := h.status(c); c.State != "removed" || st != "" {
			t.Fatalf("container %d row %s host %q", c.Id, c.State, st)
		}
		var slot *entity.DerpPortSlots
		if err := dao.DerpPortSlots.Ctx(context.Background()).Where("server_id", c.ServerId).Where("port", c.Port).Scan(&slot); err != nil || slot == nil {
			t.Fatalf("slot of %d: %v", c.Id, err)
		}
		if slot.State != "quarantine" || slot.UntilAt == nil || !slot.UntilAt.Time.Equal(c.RemovedAt.Time.Add(7*day)) {
			t.Fatalf("slot %+v, container removed at %v", slot, c.RemovedAt)
		}
	}
	var versions []entity.DerpAclVersions
	if err := dao.DerpAclVersions.Ctx(context.Background()).Where("rental_id", paid.Id).Scan(&versions); err != nil || len(versions) == 0 {
		t.Fatalf("acl versions %v", err)
	}
	for _, v := range versions {
		if v.Status != "revoked" || v.Body != "" {
			t.Fatalf("acl version %d: %s with %d bytes", v.Version, v.Status, len(v.Body))
		}
	}
	expectKinds(t, paid.Id, "deregistered", "expired")
	mailsTo(t, mail, w.Member.ID, email, "derp.deregistered", "已注销", 1)

	// The history: scoped like the rentals (the agent's customer; another agent sees nothing).
	var hl v1.RentalHistoryListRes
	w.Agent.C.Get(t, "/api/derp/rentals/history/list?customerId="+itoa(w.Member.ID)).Expect(t, http.StatusOK).Decode(t, &hl)
	if hl.Total != 1 || hl.Items[0].RentalId != paid.Id || hl.Items[0].Snapshot == nil ||
		len(hl.Items[0].Snapshot.Containers) != 3 || hl.Items[0].RentalNo != paid.RentalNo || hl.Items[0].Customer.Email != email {
		t.Fatalf("history %+v", hl)
	}
	stranger := login(t, testkit.SeedUser(t, "agent", w.Boss.SeededUser))
	stranger.C.Get(t, "/api/derp/rentals/history/list?customerId="+itoa(w.Member.ID)).Expect(t, http.StatusOK).Decode(t, &hl)
	if hl.Total != 0 {
		t.Fatalf("another agent sees %+v", hl)
	}
	w.Member.C.Get(t, "/api/derp/rentals/history/list").Expect(t, http.StatusForbidden)

	// The account is intact: it logs in, lists the deregistered rental and may start a new one.
	m := login(t, w.Member.SeededUser)
	var mine v1.MeRentalListRes
	m.C.Get(t, "/api/derp/me/rentals/list").Expect(t, http.StatusOK).Decode(t, &mine)
	if mine.Total != 1 || mine.Items[0].State != "deregistered" {
		t.Fatalf("member's rentals %+v", mine)
	}
	if again := activateSerial(t, w, m, 1); again.State != "active" {
		t.Fatalf("new rental %+v", again)
	}
	if r := lifeRentalRow(t, held.Id); r.State != "expired" {
		t.Fatalf("held rental moved: %s", r.State)
	}
}
