package derp_test

import (
	"net/http"
	"regexp"
	"testing"

	v1 "kami/api/derp/v1"
)

var inviteRule = regexp.MustCompile(`^[0-9A-HJKMNP-TV-Z]{8}$`)

func TestDistributors(t *testing.T) {
	w := newWorld(t)
	var d v1.DistributorItem
	w.Admin.C.Put(t, "/api/derp/distributors/"+itoa(w.Agent.ID), map[string]any{"tier": "platinum"}).
		Expect(t, http.StatusOK).Decode(t, &d)
	if d.UserId != w.Agent.ID || d.Role != "agent" || d.Tier != "platinum" || d.DiscountBps != 1500 ||
		d.CommissionBps != 1500 || !inviteRule.MatchString(d.InviteCode) || d.Username != w.Agent.Username {
		t.Fatalf("set %+v", d)
	}
	code := d.InviteCode
	// A tier change keeps the invite code; so does a return after removal.
	w.Admin.C.Put(t, "/api/derp/distributors/"+itoa(w.Agent.ID), map[string]any{"tier": "gold"}).
		Expect(t, http.StatusOK).Decode(t, &d)
	if d.Tier != "gold" || d.DiscountBps != 1000 || d.InviteCode != code {
		t.Fatalf("re-tiered %+v (code was %s)", d, code)
	}
	w.Admin.C.Put(t, "/api/derp/distributors/"+itoa(w.Boss.ID), map[string]any{"tier": "diamond"}).Expect(t, http.StatusOK)

	var list v1.DistributorListRes
	w.Admin.C.Get(t, "/api/derp/distributors/list?pageSize=100").Expect(t, http.StatusOK).Decode(t, &list)
	if !listed(list.Items, w.Agent.ID) || !listed(list.Items, w.Boss.ID) {
		t.Fatalf("list %+v", list.Items)
	}
	w.Admin.C.Delete(t, "/api/derp/distributors/"+itoa(w.Agent.ID)).Expect(t, http.StatusOK)
	w.Admin.C.Delete(t, "/api/derp/distributors/"+itoa(w.Agent.ID)).Expect(t, http.StatusNotFound)
	w.Admin.C.Get(t, "/api/derp/distributors/list?pageSize=100").Expect(t, http.StatusOK).Decode(t, &list)
	if listed(list.Items, w.Agent.ID) {
		t.Fatalf("a removed distributor is listed")
	}
	w.Admin.C.Put(t, "/api/derp/distributors/"+itoa(w.Agent.ID), map[string]any{"tier": "gold"}).
		Expect(t, http.StatusOK).Decode(t, &d)
	if d.InviteCode != code {
		t.Fatalf("a returning distributor got a new code %s (was %s)", d.InviteCode, code)
	}

	// Only agents and agent-admins; unknown users 404; bad tiers 400.
	w.Admin.C.Put(t, "/api/derp/distributors/"+itoa(w.Member.ID), map[string]any{"tier": "gold"}).Expect(t, http.StatusConflict)
	w.Admin.C.Put(t, "/api/derp/distributors/"+itoa(w.Admin.ID), map[string]any{"tier": "gold"}).Expect(t, http.StatusConflict)
	w.Admin.C.Put(t, "/api/derp/distributors/99999999", map[string]any{"tier": "gold"}).Expect(t, http.StatusNotFound)
	w.Admin.C.Put(t, "/api/derp/distributors/"+itoa(w.Agent.ID), map[string]any{"tier": "silver"}).Expect(t, http.StatusBadRequest)
}

func listed(items []v1.DistributorItem, id int64) bool {
	for _, it := range items {
		if it.UserId == id {
			return true
		}
	}
	return false
}
