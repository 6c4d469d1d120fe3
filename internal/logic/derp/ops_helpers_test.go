package derp_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/logic/derp"
	"kami/internal/logic/derp/host"
	"kami/internal/logic/derp/host/hostfake"
	"kami/internal/logic/derp/hostop"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

const testImage = "derper@sha256:" + "11"

// fakeHost is a registered server whose SSH endpoint is an in-process hostfake, so the real
// SSH adapter runs against the docker emulator.
type fakeHost struct {
	fake *hostfake.Docker
	ssh  *hostfake.SSHServer
	srv  v1.ServerItem
}

// isolate drains every other active server for the test, so placement sees only the test's.
func isolate(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	cols := dao.DerpServers.Columns()
	others, err := dao.DerpServers.Ctx(ctx).Fields(cols.Id).Where(cols.State, "active").Array()
	if err != nil {
		t.Fatal(err)
	}
	if len(others) == 0 {
		return
	}
	if _, err = dao.DerpServers.Ctx(ctx).Data(do.DerpServers{State: "draining"}).WhereIn(cols.Id, others).Update(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = dao.DerpServers.Ctx(ctx).Data(do.DerpServers{State: "active"}).WhereIn(cols.Id, others).Update()
	})
}

// hostSettings sets the admit URL and the image, and waits until this node reads them.
func hostSettings(t *testing.T) {
	t.Helper()
	testkit.SetSettings(t, map[string]any{"derp.admitBaseUrl": "http://127.0.0.1:9", "derp.image": testImage})
	waitFor(t, "settings live", func() bool {
		return service.Settings().String("derp.image") == testImage && service.Settings().String("derp.admitBaseUrl") != ""
	})
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func addHost(t *testing.T, w world, region string) fakeHost {
	t.Helper()
	f := hostfake.New(testkit.SharedClock{}.Now)
	s, err := hostfake.StartSSH(f, hostfake.SSHConfig{User: "root", Password: "pw"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	h := fakeHost{fake: f, ssh: s}
	w.Admin.C.Post(t, "/api/derp/servers", map[string]any{"name": "ops-" + region, "region": region, "regionName": "R " + region,
		"publicIpv4": uniqueIPv4(), "sshHost": "127.0.0.1", "sshPort": s.Port, "sshAuth": "password", "sshSecret": "pw"}).
		Expect(t, http.StatusOK).Decode(t, &h.srv)
	t.Cleanup(func() {
		_, _ = dao.DerpServers.Ctx(context.Background()).Data(do.DerpServers{State: "removed"}).WherePri(h.srv.Id).Update()
	})
	return h
}

// opsWorker is the boot worker (derp.NewHostWorker) limited to the test's servers.
func opsWorker(t *testing.T, hosts ...fakeHost) *hostop.Worker {
	t.Helper()
	ids := make([]int64, len(hosts))
	for i, h := range hosts {
		ids[i] = h.srv.Id
	}
	pool := host.NewSSH()
	t.Cleanup(pool.Close)
	return derp.NewHostWorker(testkit.SharedClock{}, pool, testkit.UniqueName("w"), ids)
}

// drain runs the worker until no op is due now.
func drain(t *testing.T, wk *hostop.Worker) int {
	t.Helper()
	total := 0
	for i := 0; i < 20; i++ {
		n, err := wk.RunOnce(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return total
		}
		total += n
	}
	t.Fatal("the worker never ran dry")
	return total
}

func activate(t *testing.T, w world) v1.RentalDetail {
	t.Helper()
	b := issue(t, w, 3, 1, nil)
	var d v1.RentalDetail
	w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"serial": b.Codes[0]}).Expect(t, http.StatusOK).Decode(t, &d)
	return d
}

func containersOf(t *testing.T, rentalID int64) []entity.DerpContainers {
	t.Helper()
	var cs []entity.DerpContainers
	cc := dao.DerpContainers.Columns()
	if err := dao.DerpContainers.Ctx(context.Background()).Where(cc.RentalId, rentalID).OrderAsc(cc.Id).Scan(&cs); err != nil {
		t.Fatal(err)
	}
	return cs
}

func containerRow(t *testing.T, id int64) entity.DerpContainers {
	t.Helper()
	var c entity.DerpContainers
	if err := dao.DerpContainers.Ctx(context.Background()).WherePri(id).Scan(&c); err != nil {
		t.Fatal(err)
	}
	return c
}

func rentalRow(t *testing.T, id int64) entity.DerpRentals {
	t.Helper()
	var r entity.DerpRentals
	if err := dao.DerpRentals.Ctx(context.Background()).WherePri(id).Scan(&r); err != nil {
		t.Fatal(err)
	}
	return r
}

func liveOn(cs []entity.DerpContainers, serverID int64) *entity.DerpContainers {
	for i := range cs {
		if cs[i].ServerId == serverID && cs[i].Desired != "removed" && cs[i].State != "removed" {
			return &cs[i]
		}
	}
	return nil
}

func opsOf(t *testing.T, containerID int64) []entity.DerpHostOps {
	t.Helper()
	var ops []entity.DerpHostOps
	oc := dao.DerpHostOps.Columns()
	if err := dao.DerpHostOps.Ctx(context.Background()).Where(oc.ContainerId, containerID).OrderAsc(oc.Id).Scan(&ops); err != nil {
		t.Fatal(err)
	}
	return ops
}

func alertsOf(t *testing.T, w world, kind string, serverID int64) []v1.AlertItem {
	t.Helper()
	var l v1.AlertListRes
	w.Admin.C.Get(t, fmt.Sprintf("/api/derp/alerts/list?kind=%s&serverId=%d&pageSize=100", kind, serverID)).
		Expect(t, http.StatusOK).Decode(t, &l)
	return l.Items
}
