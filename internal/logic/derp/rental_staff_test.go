package derp_test

import (
	"net/http"
	"testing"

	v1 "kami/api/derp/v1"
	"kami/internal/testkit"
)

// §5 staff rentals: scoped by distributor (out of scope → 404); the detail adds the customer,
// the activation period and the containers.
func TestStaffRentals(t *testing.T) {
	w := newWorld(t)
	servers := onlyServers(t, 3)
	b := issue(t, w, 3, 1, nil)
	var d v1.RentalDetail
	w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"serial": b.Codes[0]}).Expect(t, http.StatusOK).Decode(t, &d)
	stranger := login(t, testkit.SeedUser(t, "agent-admin", w.Admin.SeededUser))
	for _, c := range []struct {
		cl   *testkit.Client
		want int
	}{{w.Admin.C, 1}, {w.Boss.C, 1}, {w.Agent.C, 1}, {stranger.C, 0}} {
		var l v1.RentalListRes
		c.cl.Get(t, "/api/derp/rentals/list?customerId="+itoa(w.Member.ID)).Expect(t, http.StatusOK).Decode(t, &l)
		if l.Total != c.want {
			t.Fatalf("list %+v, want %d", l, c.want)
		}
	}
	stranger.C.Get(t, "/api/derp/rentals/"+itoa(d.Id)).Expect(t, http.StatusNotFound)
	var g v1.RentalGetRes
	w.Agent.C.Get(t, "/api/derp/rentals/"+itoa(d.Id)).Expect(t, http.StatusOK).Decode(t, &g)
	if g.Customer.Id != w.Member.ID || g.DistributorId != w.Agent.ID || len(g.Periods) != 1 ||
		g.Periods[0].Kind != "activate" || g.Periods[0].Days != 30 || len(g.Containers) != 3 {
		t.Fatalf("detail %+v", g)
	}
	// admitPath (a container's bearer credential) is the super-admin's only.
	for _, c := range g.Containers {
		if c.AdmitPath != nil {
			t.Fatalf("an agent sees admitPath %q", *c.AdmitPath)
		}
	}
	var sg v1.RentalGetRes
	w.Admin.C.Get(t, "/api/derp/rentals/"+itoa(d.Id)).Expect(t, http.StatusOK).Decode(t, &sg)
	tokens := admitTokens(t, d.Id) // as the host worker injects them, by haIndex
	for i, c := range sg.Containers {
		if c.AdmitPath == nil || *c.AdmitPath != "/api/derp/admit/"+tokens[i] {
			t.Fatalf("S's container %+v, want the path of %s", c, tokens[i])
		}
	}
	var l v1.RentalListRes
	w.Admin.C.Get(t, "/api/derp/rentals/list?serverId="+itoa(servers[0])).Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 1 || l.Items[0].Id != d.Id {
		t.Fatalf("by server %+v", l)
	}
	w.Member.C.Get(t, "/api/derp/rentals/list").Expect(t, http.StatusForbidden)
}
