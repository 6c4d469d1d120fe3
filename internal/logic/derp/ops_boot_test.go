package derp_test

import (
	"net/http"
	"testing"
	"time"

	v1 "kami/api/derp/v1"
	"kami/internal/testkit"
)

// §14.12: the business needs no host. With the only server's SSH port closed, activation,
// renewal and extend answer at once; the queued converges then just back off.
func TestNoHostNeeded(t *testing.T) {
	w := newWorld(t)
	isolate(t)
	hostSettings(t)
	_, now := frozen(t)
	srv := createServer(t, w, serverBody(uniqueIPv4())) // sshHost = the loopback ipv4, port 2222: closed
	d := activate(t, w)
	if d.State != "active" || len(d.Nodes) != 1 {
		t.Fatalf("activation %+v", d)
	}
	b := issue(t, w, 3, 1, nil)
	w.Member.C.Post(t, "/api/derp/me/rentals/"+itoa(d.Id)+"/renew", map[string]any{"serial": b.Codes[0]}).Expect(t, http.StatusOK)
	at := now.Add(200 * 24 * time.Hour).Format(time.RFC3339)
	w.Admin.C.Post(t, "/api/derp/rentals/"+itoa(d.Id)+"/extend", map[string]any{"expiresAt": at}).Expect(t, http.StatusOK)
	cid := containersOf(t, d.Id)[0].Id
	if ops := opsOf(t, cid); len(ops) < 2 || ops[len(ops)-1].State != "pending" {
		t.Fatalf("ops %+v", ops)
	}
	wk := opsWorker(t, fakeHost{srv: srv})
	drain(t, wk)
	if r := rentalRow(t, d.Id); r.State != "active" {
		t.Fatalf("rental %s after the host failed", r.State)
	}
	var l v1.HostOpListRes
	w.Admin.C.Get(t, "/api/derp/host-ops/list?serverId="+itoa(srv.Id)+"&state=pending").Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total < 1 || l.Items[0].LastError == "" {
		t.Fatalf("the unreachable host's ops %+v", l)
	}
}

// The worker starts at boot: a second node with KAMI_DERP_HOST_WORKER on converges a new
// rental's container on a fake host without the test running any worker itself.
func TestBootWorkerConverges(t *testing.T) {
	w := newWorld(t)
	isolate(t)
	hostSettings(t)
	frozen(t)
	a := addHost(t, w, "sha")
	testkit.Current().StartNode(t, "KAMI_DERP_HOST_WORKER=true")
	d := activate(t, w)
	cid := containersOf(t, d.Id)[0].Id
	deadline := time.Now().Add(30 * time.Second)
	for {
		st, _, _ := a.fake.ContainerState(cid)
		if st == "running" && containerRow(t, cid).State == "running" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the boot worker did not converge container %d: fake %q, row %+v", cid, st, containerRow(t, cid))
		}
		time.Sleep(100 * time.Millisecond)
	}

}
