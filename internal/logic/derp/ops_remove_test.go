package derp_test

import (
	"context"
	"net/http"
	"testing"

	"kami/internal/dao"
)

// A server retired while it holds a rental (DELETE → removing): derp.placement moves the
// container to another server with the same haIndex (ACL trigger server_removed), the worker
// removes the old one from its host, and the next run retires the server (removed).
func TestPlacementMovesOffRemovingServer(t *testing.T) {
	w := newWorld(t)
	isolate(t)
	hostSettings(t)
	frozen(t)
	a, b := addHost(t, w, "sha"), addHost(t, w, "can")
	wk := opsWorker(t, a, b)
	drain(t, wk)
	d := activate(t, w)
	onlyDegraded(t, d.Id)
	drain(t, wk)
	old := liveOn(containersOf(t, d.Id), b.srv.Id)
	c := addHost(t, w, "hkg")
	wk = opsWorker(t, a, b, c)
	drain(t, wk)
	w.Admin.C.Do(t, http.MethodDelete, "/api/derp/servers/"+itoa(b.srv.Id), nil).Expect(t, http.StatusOK)
	if s := serverRow(t, b.srv.Id); s.State != "removing" {
		t.Fatalf("delete with a container: %s", s.State)
	}
	w.Admin.C.RunJob(t, "derp.placement")
	moved := liveOn(containersOf(t, d.Id), c.srv.Id)
	if moved == nil || moved.HaIndex != old.HaIndex || containerRow(t, old.Id).Desired != "removed" {
		t.Fatalf("not moved off the removing server: %+v", moved)
	}
	trig, err := dao.DerpAclVersions.Ctx(context.Background()).Where("rental_id", d.Id).Where("status", "current").Value("gen_trigger")
	if err != nil || trig.String() != "server_removed" {
		t.Fatalf("ACL trigger %q %v", trig.String(), err)
	}
	drain(t, wk)
	if st, _, _ := b.fake.ContainerState(old.Id); st != "" || containerRow(t, old.Id).State != "removed" {
		t.Fatalf("old container on the removing host: %q, row %s", st, containerRow(t, old.Id).State)
	}
	if st, _, _ := c.fake.ContainerState(moved.Id); st != "running" {
		t.Fatalf("moved container: %q", st)
	}
	w.Admin.C.RunJob(t, "derp.placement")
	if s := serverRow(t, b.srv.Id); s.State != "removed" {
		t.Fatalf("emptied removing server: %s", s.State)
	}
}
