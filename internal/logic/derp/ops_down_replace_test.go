package derp_test

import (
	"context"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/model/entity"
)

// §10 derp.placement: a container down for 60 minutes is replaced — the same haIndex on a
// server the rental does not use yet, the old one pointed at removed, a new ACL version
// (trigger replaced) — while one down for 59 minutes stays where it is.
func TestPlacementReplacesLongDownContainer(t *testing.T) {
	w := newWorld(t)
	servers := onlyServers(t, 4)
	clk, now := frozen(t)
	d := activate(t, w)
	cs := containersOf(t, d.Id)
	if len(cs) != 3 {
		t.Fatalf("%d containers on 4 servers", len(cs))
	}
	ctx := context.Background()
	down := cs[1]
	if _, err := dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{DownSince: gtime.NewFromTime(now)}).WherePri(down.Id).
		Update(); err != nil {
		t.Fatal(err)
	}
	versions := func() int {
		n, err := dao.DerpAclVersions.Ctx(ctx).Where("rental_id", d.Id).Count()
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := versions()

	clk.Advance(t, 59*time.Minute)
	w = relogin(t, w)
	w.Admin.C.RunJob(t, "derp.placement")
	if c := containerRow(t, down.Id); c.Desired == "removed" || len(containersOf(t, d.Id)) != 3 {
		t.Fatalf("replaced after 59 minutes: %+v", c)
	}

	clk.Advance(t, time.Minute)
	w = relogin(t, w)
	w.Admin.C.RunJob(t, "derp.placement")
	if c := containerRow(t, down.Id); c.Desired != "removed" {
		t.Fatalf("down 60 minutes and still wanted: %+v", c)
	}
	var successor *entity.DerpContainers
	used := map[int64]bool{}
	for _, c := range containersOf(t, d.Id) {
		if c.Id == down.Id {
			continue
		}
		used[c.ServerId] = true
		if c.HaIndex == down.HaIndex {
			cc := c
			successor = &cc
		}
	}
	if successor == nil || successor.ServerId == down.ServerId || len(used) != 3 {
		t.Fatalf("successor %+v of %+v (servers %v of %v)", successor, down, used, servers)
	}
	var cur entity.DerpAclVersions
	if err := dao.DerpAclVersions.Ctx(ctx).Where("rental_id", d.Id).Where("status", "current").Scan(&cur); err != nil {
		t.Fatal(err)
	}
	if versions() != before+1 || cur.GenTrigger != "replaced" {
		t.Fatalf("versions %d → %d, current %+v", before, versions(), cur)
	}
}
