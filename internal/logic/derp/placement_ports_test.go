package derp_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/model/entity"
)

// §9's port rule through activations: the lowest port that is not the SSH port, a held or
// blocked slot or a live quarantine; a lapsed quarantine is taken back and its slot names the
// container; a server out of ports places nothing (DERP_NO_CAPACITY, nothing kept). The first
// derpMap, rendered from what placement wrote, is the one a regeneration renders from the rows.
func TestActivationPorts(t *testing.T) {
	w := newWorld(t)
	h := fakeHosts(t, w, 3)
	_, now := frozen(t)
	ctx := context.Background()
	const base = 30000
	for _, id := range h.ids {
		if _, err := dao.DerpServers.Ctx(ctx).WherePri(id).Data(do.DerpServers{PortBase: base, PortCount: 7,
			SshPort: base + 4}).Update(); err != nil {
			t.Fatal(err)
		}
		slots := []do.DerpPortSlots{
			{ServerId: id, Port: base, State: "held"},
			{ServerId: id, Port: base + 1, State: "blocked"},
			{ServerId: id, Port: base + 2, State: "quarantine", UntilAt: gtime.NewFromTime(now.Add(time.Hour))},
			{ServerId: id, Port: base + 3, State: "quarantine", UntilAt: gtime.NewFromTime(now.Add(-time.Hour))},
		}
		if _, err := dao.DerpPortSlots.Ctx(ctx).Data(slots).Insert(); err != nil {
			t.Fatal(err)
		}
	}
	var first int64
	for _, want := range []int{base + 3, base + 5, base + 6} {
		d := activateSerial(t, w, w.Member, 1)
		if first == 0 {
			first = d.Id
		}
		for _, c := range threeContainersOf(t, d.Id) {
			if c.Port != want {
				t.Fatalf("container %d on server %d at port %d, want %d", c.Id, c.ServerId, c.Port, want)
			}
			var slot *entity.DerpPortSlots
			if err := dao.DerpPortSlots.Ctx(ctx).Where("server_id", c.ServerId).Where("port", c.Port).Scan(&slot); err != nil ||
				slot == nil || slot.State != "held" || slot.ContainerId != c.Id {
				t.Fatalf("slot of container %d: %+v (%v)", c.Id, slot, err)
			}
		}
	}

	containers := func() int {
		n, err := dao.DerpContainers.Ctx(ctx).WhereIn("server_id", h.ids).Count()
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := containers()
	b := issue(t, w, 1, 1, nil)
	r := w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"serial": b.Codes[0]})
	if r.Status == http.StatusOK || r.ErrorCode() != "DERP_NO_CAPACITY" {
		t.Fatalf("no port left: HTTP %d %s", r.Status, r.Raw)
	}
	if containers() != before {
		t.Fatal("a placement with no port left kept a container row")
	}
	for _, id := range h.ids {
		if s := serverRow(t, id); s.ContainerCount != 3 {
			t.Fatalf("server %d counts %d containers, holds 3", id, s.ContainerCount)
		}
	}

	body := func(version int) string {
		v, err := dao.DerpAclVersions.Ctx(ctx).Where("rental_id", first).Where("version", version).Value("body")
		if err != nil || v.IsEmpty() {
			t.Fatalf("acl version %d of rental %d: %v", version, first, err)
		}
		return v.String()
	}
	w.Admin.C.Post(t, "/api/derp/rentals/"+itoa(first)+"/acl/regenerate", nil).Expect(t, http.StatusOK)
	if got, want := body(1), body(2); got != want {
		t.Fatalf("the activation's derpMap differs from the one rendered from its rows:\n%s\n%s", got, want)
	}
}
