package derp

import (
	"context"
	"fmt"
	"testing"
	"time"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/model/entity"
)

// A port taken by a writer the server-row lock does not stop (the read missed it): the
// container moves to the next free port and its slot names it; with no port left the container
// row is not kept.
func TestNewContainerLosesItsPort(t *testing.T) {
	ctx := context.Background()
	now := time.Now()
	server := func(count int) *entity.DerpServers {
		ip := fmt.Sprintf("127.201.%d.%d", now.UnixNano()%250, count)
		id, err := dao.DerpServers.Ctx(ctx).Data(do.DerpServers{Name: "ports-" + ip, Region: "sha", RegionName: "R",
			PublicIpv4: ip, SshHost: "127.0.0.1", SshPort: 22, SshAuth: "password", SshSecretEnc: "x", CertPem: "x",
			CertKeyEnc: "x", CertPin: "sha256-raw:00", PortBase: 31000, PortCount: count, MaxContainers: 5,
			State: "removed", Health: "unknown", HostState: "pending"}).InsertAndGetId()
		if err != nil {
			t.Fatal(err)
		}
		if _, err = dao.DerpPortSlots.Ctx(ctx).Data(do.DerpPortSlots{ServerId: id, Port: 31000, State: slotHeld}).Insert(); err != nil {
			t.Fatal(err)
		}
		srv, err := srvByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return srv
	}
	stale := func(srv *entity.DerpServers) *ports {
		return &ports{srv: srv, busy: map[int]bool{srv.SshPort: true}, lapsed: map[int]bool{}}
	}
	const rental = -42 // no rental: the rows are this test's alone

	srv := server(3)
	cid, port, err := stale(srv).newContainer(ctx, rental, 1, containerRunning, now)
	if err != nil || cid == 0 || port != 31001 {
		t.Fatalf("container %d at port %d (%v), want the next port 31001", cid, port, err)
	}
	var c *entity.DerpContainers
	if err = dao.DerpContainers.Ctx(ctx).WherePri(cid).Scan(&c); err != nil || c == nil || c.Port != 31001 {
		t.Fatalf("container row %+v (%v)", c, err)
	}
	owner, err := dao.DerpPortSlots.Ctx(ctx).Where("server_id", srv.Id).Where("port", 31001).Value("container_id")
	if err != nil || owner.Int64() != cid {
		t.Fatalf("slot 31001 names container %v (%v), want %d", owner, err, cid)
	}

	full := server(1)
	cid, port, err = stale(full).newContainer(ctx, rental, 1, containerRunning, now)
	if err != nil || cid != 0 || port != 0 {
		t.Fatalf("no port left: container %d at %d (%v)", cid, port, err)
	}
	if n, err := dao.DerpContainers.Ctx(ctx).Where("server_id", full.Id).Count(); err != nil || n != 0 {
		t.Fatalf("%d container rows kept on a server with no port (%v)", n, err)
	}
}
