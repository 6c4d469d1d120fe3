package derp_test

import (
	"net/http"
	"strings"
	"testing"

	v1 "kami/api/derp/v1"
	"kami/internal/testkit"
)

func expectReason(t *testing.T, r *testkit.Resp, status int, reason string) {
	t.Helper()
	r.Expect(t, status)
	if r.Reason != reason {
		t.Fatalf("reason %q, want %q: %s", r.Reason, reason, r.Raw)
	}
}

func uniqueEmail() string { return strings.ToLower(testkit.UniqueName("cust")) + "@example.test" }

// tier makes u a distributor of tier and returns its customer invite code.
func tier(t *testing.T, w world, id int64, code string) string {
	t.Helper()
	var d v1.DistributorItem
	w.Admin.C.Put(t, "/api/derp/distributors/"+itoa(id), map[string]any{"tier": code}).Expect(t, http.StatusOK).Decode(t, &d)
	return d.InviteCode
}

// §5 POST /customers: a distributor needs a tier, its scope bounds where the customer goes,
// the password must be changed at first login, duplicates are 409; lists and details are scoped.
func TestCustomers(t *testing.T) {
	w := newWorld(t)
	email := uniqueEmail()
	body := map[string]any{"email": strings.ToUpper(email), "password": "Cust-Pass-2026", "realName": "C"}
	expectReason(t, w.Agent.C.Post(t, "/api/derp/customers", body), http.StatusForbidden, "DERP_NOT_DISTRIBUTOR")
	tier(t, w, w.Agent.ID, "gold")

	var c v1.CustomerItem
	w.Agent.C.Post(t, "/api/derp/customers", body).Expect(t, http.StatusOK).Decode(t, &c)
	if c.Id == 0 || c.Username != email || c.Email != email || c.Status != 1 || c.DistributorId != w.Agent.ID ||
		c.DistributorName != w.Agent.Username || c.Rentals.Total != 0 || c.Balance != 0 || c.CreatedAt == "" {
		t.Fatalf("created %+v", c)
	}
	expectReason(t, w.Agent.C.Post(t, "/api/derp/customers", body), http.StatusConflict, "DUPLICATE")

	// The customer logs in with its email and must change the password first.
	var ans struct {
		Roles              []string `json:"roles"`
		MustChangePassword bool     `json:"mustChangePassword"`
	}
	testClient().Post(t, "/api/auth/login", map[string]any{"username": email, "password": "Cust-Pass-2026"}).
		Expect(t, http.StatusOK).Decode(t, &ans)
	if !ans.MustChangePassword || len(ans.Roles) != 1 || ans.Roles[0] != "member" {
		t.Fatalf("login %+v", ans)
	}

	// An agent sells only as itself; an agent-admin for its subtree; S for anyone or the platform.
	other := map[string]any{"email": uniqueEmail(), "password": "Cust-Pass-2026", "distributorId": w.Boss.ID}
	w.Agent.C.Post(t, "/api/derp/customers", other).Expect(t, http.StatusNotFound)
	expectReason(t, w.Boss.C.Post(t, "/api/derp/customers", other), http.StatusForbidden, "DERP_NOT_DISTRIBUTOR")
	var c2 v1.CustomerItem
	other["distributorId"] = w.Agent.ID
	w.Boss.C.Post(t, "/api/derp/customers", other).Expect(t, http.StatusOK).Decode(t, &c2)
	if c2.DistributorId != w.Agent.ID {
		t.Fatalf("boss-made customer %+v", c2)
	}
	var c3 v1.CustomerItem
	w.Admin.C.Post(t, "/api/derp/customers", map[string]any{"email": uniqueEmail(), "password": "Cust-Pass-2026",
		"distributorId": 0}).Expect(t, http.StatusOK).Decode(t, &c3)
	if c3.DistributorId != w.Admin.ID {
		t.Fatalf("platform customer %+v", c3)
	}

	// Scope: the agent and its agent-admin see c; another agent-admin sees nothing of it.
	stranger := login(t, testkit.SeedUser(t, "agent-admin", w.Admin.SeededUser))
	for _, cl := range []*testkit.Client{w.Admin.C, w.Boss.C, w.Agent.C} {
		var l v1.CustomerListRes
		cl.Get(t, "/api/derp/customers/list?email="+email[:8]).Expect(t, http.StatusOK).Decode(t, &l)
		if l.Total != 1 || l.Items[0].Id != c.Id {
			t.Fatalf("list %+v", l)
		}
		cl.Get(t, "/api/derp/customers/"+itoa(c.Id)).Expect(t, http.StatusOK)
	}
	var l v1.CustomerListRes
	stranger.C.Get(t, "/api/derp/customers/list").Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 0 {
		t.Fatalf("a stranger lists %+v", l)
	}
	stranger.C.Get(t, "/api/derp/customers/"+itoa(c.Id)).Expect(t, http.StatusNotFound)
	w.Agent.C.Get(t, "/api/derp/customers/"+itoa(c3.Id)).Expect(t, http.StatusNotFound)
	w.Admin.C.Get(t, "/api/derp/customers/list?distributorId="+itoa(w.Agent.ID)+"&pageSize=100").
		Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 3 { // c, c2 and the world's seeded member
		t.Fatalf("by distributor %+v", l)
	}
	// Staff ids are not customers.
	w.Admin.C.Get(t, "/api/derp/customers/"+itoa(w.Agent.ID)).Expect(t, http.StatusNotFound)
}
