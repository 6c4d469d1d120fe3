package derp_test

import (
	"testing"
	"time"
)

// §4: a deregistering rental whose hosts never confirm the removal (no host reachable here)
// waits; 24 h after the removal was queued its containers are abandoned and the rental ends
// deregistered — not a minute before.
func TestDeregisterAbandonsUnreachableContainers(t *testing.T) {
	w := newWorld(t)
	onlyServers(t, 3) // SSH port 1: nothing answers, and no worker runs in this test
	clk, _ := frozen(t)
	d := activate(t, w)
	step := func(by time.Duration, job string) string {
		t.Helper()
		clk.Advance(t, by)
		w = relogin(t, w)
		w.Admin.C.RunJob(t, job)
		return rentalRow(t, d.Id).State
	}
	if st := step(30*day+time.Minute, "derp.expire"); st != "expired" {
		t.Fatalf("after the term: %s", st)
	}
	if st := step(30*day, "derp.deregister"); st != "deregistering" {
		t.Fatalf("30 days after expiry, settled: %s", st)
	}
	if st := step(24*time.Hour-time.Minute, "derp.deregister"); st != "deregistering" {
		t.Fatalf("a minute before the 24 h: %s", st)
	}
	for _, c := range containersOf(t, d.Id) {
		if c.State == "abandoned" {
			t.Fatalf("abandoned early: %+v", c)
		}
	}
	if st := step(2*time.Minute, "derp.deregister"); st != "deregistered" {
		t.Fatalf("24 h after the removal was queued: %s", st)
	}
	for _, c := range containersOf(t, d.Id) {
		if c.State != "abandoned" {
			t.Fatalf("container %d is %s, want abandoned", c.Id, c.State)
		}
	}
}
