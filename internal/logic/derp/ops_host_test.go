package derp_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/logic/derp/host"
	"kami/internal/logic/derp/hostop"
	"kami/internal/model/do"
	"kami/internal/model/entity"
)

// §14.2 and §14.7 end to end through the boot worker and the real SSH adapter: 2 servers →
// degraded, then filled by derp.placement on a third whose port is occupied (blocked slot, new
// port, ACL bump); suspend with a host down → backoff, then done; past the attempts → dead,
// failed, an alert, re-placed on a fourth server with the same haIndex; reconcile removes an
// orphan; retry and ack work and are guarded.
func TestHostOpsPlacementAndRecovery(t *testing.T) {
	w := newWorld(t)
	isolate(t)
	hostSettings(t)
	clk, _ := frozen(t)
	a, b := addHost(t, w, "sha"), addHost(t, w, "can")
	wk := opsWorker(t, a, b)
	drain(t, wk) // the registrations' prepares
	d := activate(t, w)
	if !d.PlacementDegraded || len(d.Nodes) != 2 {
		t.Fatalf("2 servers: degraded %v, %d nodes", d.PlacementDegraded, len(d.Nodes))
	}
	cs := containersOf(t, d.Id)
	for _, c := range cs {
		if ops := opsOf(t, c.Id); len(ops) != 1 || ops[0].Op != "converge" || ops[0].TargetGen != c.OpGen || c.OpGen != 1 {
			t.Fatalf("activation queued %+v for %+v", ops, c)
		}
	}
	drain(t, wk)
	for _, h := range []fakeHost{a, b} {
		c := liveOn(containersOf(t, d.Id), h.srv.Id)
		if st, _, _ := h.fake.ContainerState(c.Id); st != "running" || containerRow(t, c.Id).State != "running" {
			t.Fatalf("server %d container %d: fake %q row %s", h.srv.Id, c.Id, st, containerRow(t, c.Id).State)
		}
	}

	// A third server, whose lowest port something else holds.
	c3 := addHost(t, w, "hkg")
	taken := lowestFreePort(t, c3.srv.Id)
	c3.fake.OccupyPort(taken)
	wk = opsWorker(t, a, b, c3)
	drain(t, wk)
	onlyDegraded(t, d.Id)
	before := rentalRow(t, d.Id).AclVersion
	w.Admin.C.RunJob(t, "derp.placement")
	r := rentalRow(t, d.Id)
	if r.PlacementDegraded != 0 || len(containersOf(t, d.Id)) != 3 || r.AclVersion != before+1 {
		t.Fatalf("fill: degraded %d, %d containers, acl %d→%d", r.PlacementDegraded, len(containersOf(t, d.Id)), before, r.AclVersion)
	}
	drain(t, wk)
	nc := liveOn(containersOf(t, d.Id), c3.srv.Id)
	if nc == nil || nc.HaIndex != 3 || nc.Port == taken || nc.State != "running" {
		t.Fatalf("after the port conflict: %+v", nc)
	}
	var slot entity.DerpPortSlots
	_ = dao.DerpPortSlots.Ctx(context.Background()).Where("server_id", c3.srv.Id).Where("port", taken).Scan(&slot)
	if slot.State != "blocked" {
		t.Fatalf("slot %d: %+v", taken, slot)
	}
	if r2 := rentalRow(t, d.Id); r2.AclVersion != r.AclVersion+1 {
		t.Fatalf("re-port did not bump the ACL: %d → %d", r.AclVersion, r2.AclVersion)
	}
	if st, _, port := c3.fake.ContainerState(nc.Id); st != "running" || port != nc.Port {
		t.Fatalf("fake: %s on %d", st, port)
	}

	// Suspend with host a down: the stop backs off, then lands once a is up.
	a.fake.Down()
	w.Admin.C.Post(t, "/api/derp/rentals/"+itoa(d.Id)+"/suspend", map[string]any{"reason": "admin"}).Expect(t, http.StatusOK)
	drain(t, wk)
	ca := liveOn(containersOf(t, d.Id), a.srv.Id)
	ops := opsOf(t, ca.Id)
	last := ops[len(ops)-1]
	if last.State != "pending" || last.Attempts != 1 || last.LastError == "" {
		t.Fatalf("down: %+v", last)
	}
	a.fake.Up()
	clk.Advance(t, 13*time.Second)
	drain(t, wk)
	if st, _, _ := a.fake.ContainerState(ca.Id); st != "exited" || containerRow(t, ca.Id).State != "stopped" {
		t.Fatalf("after up: fake %s, row %s", st, containerRow(t, ca.Id).State)
	}
	w.Admin.C.Post(t, "/api/derp/rentals/"+itoa(d.Id)+"/resume", nil).Expect(t, http.StatusOK)

	// Host b down for good: its converge dies, the container fails, S gets an alert, and
	// derp.placement moves it to a fourth server with the same haIndex.
	dd := addHost(t, w, "sin")
	wk = opsWorker(t, a, b, c3, dd)
	b.fake.Down()
	cb := liveOn(containersOf(t, d.Id), b.srv.Id)
	oc := dao.DerpHostOps.Columns()
	_, _ = dao.DerpHostOps.Ctx(context.Background()).Data(do.DerpHostOps{Attempts: hostop.MaxAttempts - 1}).
		Where(oc.ContainerId, cb.Id).Where(oc.State, "pending").Update()
	drain(t, wk)
	ops = opsOf(t, cb.Id)
	dead := ops[len(ops)-1]
	if dead.State != "dead" || containerRow(t, cb.Id).State != "failed" {
		t.Fatalf("past the attempts: op %s, container %s", dead.State, containerRow(t, cb.Id).State)
	}
	if al := alertsOf(t, w, "host_op_dead", b.srv.Id); len(al) != 1 || al[0].ContainerId != cb.Id || al[0].State != "open" {
		t.Fatalf("alerts %+v", al)
	}
	before = rentalRow(t, d.Id).AclVersion
	w.Admin.C.RunJob(t, "derp.placement")
	moved := liveOn(containersOf(t, d.Id), dd.srv.Id)
	if moved == nil || moved.HaIndex != cb.HaIndex || containerRow(t, cb.Id).Desired != "removed" ||
		rentalRow(t, d.Id).AclVersion != before+1 {
		t.Fatalf("re-placement: %+v, old desired %s", moved, containerRow(t, cb.Id).Desired)
	}
	drain(t, wk)
	if st, _, _ := dd.fake.ContainerState(moved.Id); st != "running" {
		t.Fatalf("re-placed container on the fake: %q", st)
	}

	// Retry of the dead op is guarded; so is ack.
	var it v1.HostOpItem
	w.Admin.C.Post(t, fmt.Sprintf("/api/derp/host-ops/%d/retry", dead.Id), nil).Expect(t, http.StatusOK).Decode(t, &it)
	if it.State != "pending" || it.Attempts != 0 {
		t.Fatalf("retry %+v", it)
	}
	expectReason(t, w.Admin.C.Post(t, fmt.Sprintf("/api/derp/host-ops/%d/retry", dead.Id), nil), http.StatusConflict, "DERP_INVALID_STATE")
	al := alertsOf(t, w, "host_op_dead", b.srv.Id)[0]
	var acked v1.AlertItem
	w.Admin.C.Put(t, fmt.Sprintf("/api/derp/alerts/%d/ack", al.Id), nil).Expect(t, http.StatusOK).Decode(t, &acked)
	if acked.State != "acked" || acked.AckedBy != w.Admin.ID {
		t.Fatalf("ack %+v", acked)
	}
	expectReason(t, w.Admin.C.Put(t, fmt.Sprintf("/api/derp/alerts/%d/ack", al.Id), nil), http.StatusConflict, "DERP_INVALID_STATE")

	// derp.reconcile queues a reconcile per ready server; it removes an orphan.
	a.fake.Plant(987654321, "running", "orphan")
	w.Admin.C.RunJob(t, "derp.reconcile")
	drain(t, wk)
	if st, _, _ := a.fake.ContainerState(987654321); st != "" {
		t.Fatal("orphan kept")
	}

	// The pages.
	var hl v1.HostOpListRes
	w.Admin.C.Get(t, fmt.Sprintf("/api/derp/host-ops/list?serverId=%d&op=reconcile", a.srv.Id)).Expect(t, http.StatusOK).Decode(t, &hl)
	if hl.Total < 1 || hl.Items[0].Op != "reconcile" || hl.Items[0].State != "done" {
		t.Fatalf("host-ops %+v", hl)
	}
	var sl v1.ServerContainersRes
	w.Admin.C.Get(t, fmt.Sprintf("/api/derp/servers/%d/containers/list", c3.srv.Id)).Expect(t, http.StatusOK).Decode(t, &sl)
	if sl.Total != 1 || sl.Items[0].Port != nc.Port || sl.Items[0].RentalNo != d.RentalNo {
		t.Fatalf("containers %+v", sl)
	}
	var rg v1.ServerRegionsRes
	w.Admin.C.Get(t, "/api/derp/servers/regions").Expect(t, http.StatusOK).Decode(t, &rg)
	regions := map[string]v1.RegionItem{}
	for _, it := range rg.Items {
		regions[it.Region] = it
	}
	if regions["hkg"].Servers < 1 || regions["sin"].Containers < 1 {
		t.Fatalf("regions %+v", rg.Items)
	}

	// Restart recreates the container on the same port with a new token generation.
	var rs v1.HostOpItem
	w.Admin.C.Post(t, fmt.Sprintf("/api/derp/containers/%d/restart", nc.Id), nil).Expect(t, http.StatusOK).Decode(t, &rs)
	runs := c3.fake.Count("docker run -d")
	drain(t, wk)
	if c := containerRow(t, nc.Id); c.TokenGen != 2 || c.State != "running" || c3.fake.Count("docker run -d") != runs+1 ||
		c3.fake.Count("docker rm -f "+host.ContainerName(nc.Id)) < 1 {
		t.Fatalf("restart: %+v, runs %d→%d", c, runs, c3.fake.Count("docker run -d"))
	}
	expectReason(t, w.Admin.C.Post(t, "/api/derp/containers/999999999/restart", nil), http.StatusNotFound, "NOT_FOUND")
}

// lowestFreePort is the port placement gives next on the server (tests do not assume empty
// tables: slots of the same server id may exist).
func lowestFreePort(t *testing.T, serverID int64) int {
	t.Helper()
	vals, err := dao.DerpPortSlots.Ctx(context.Background()).Fields("port").Where("server_id", serverID).Array()
	if err != nil {
		t.Fatal(err)
	}
	used := map[int]bool{}
	for _, v := range vals {
		used[v.Int()] = true
	}
	p := 20000
	for used[p] || p == serverRow(t, serverID).SshPort {
		p++
	}
	return p
}

// onlyDegraded leaves the rental the only degraded one for the test: derp.placement fills every
// degraded rental, and earlier tests leave some.
func onlyDegraded(t *testing.T, rentalID int64) {
	t.Helper()
	ctx := context.Background()
	rc := dao.DerpRentals.Columns()
	others, err := dao.DerpRentals.Ctx(ctx).Fields(rc.Id).Where(rc.PlacementDegraded, 1).WhereNot(rc.Id, rentalID).Array()
	if err != nil || len(others) == 0 {
		return
	}
	_, _ = dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{PlacementDegraded: 0}).WhereIn(rc.Id, others).Update()
	t.Cleanup(func() {
		_, _ = dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{PlacementDegraded: 1}).WhereIn(rc.Id, others).Update()
	})
}
