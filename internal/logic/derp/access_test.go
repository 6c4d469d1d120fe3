package derp_test

import (
	"net/http"
	"strconv"
	"testing"

	"kami/internal/testkit"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func testClient() *testkit.Client { return testkit.Current().Client() }

// TestAccessMatrix: every derp route built so far × {S, AA, A, member, anonymous} (§2, §14.13).
// Writes use an invalid body where the call would succeed, so the matrix changes nothing:
// 400 proves the caller got past authorization.
func TestAccessMatrix(t *testing.T) {
	w := newWorld(t)
	const ok, bad, unauth, forbid = http.StatusOK, http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden
	cases := []struct {
		method, path string
		body         any
		want         [5]int // S, AA, A, member, anon
	}{
		{"GET", "/api/derp/plans/list", nil, [5]int{ok, ok, ok, forbid, unauth}},
		{"POST", "/api/derp/plans", map[string]any{"days": 0}, [5]int{bad, forbid, forbid, forbid, unauth}},
		{"PUT", "/api/derp/plans/1", map[string]any{"days": 0}, [5]int{bad, forbid, forbid, forbid, unauth}},
		{"DELETE", "/api/derp/plans/0", nil, [5]int{bad, forbid, forbid, forbid, unauth}},
		{"GET", "/api/derp/tiers/list", nil, [5]int{ok, forbid, forbid, forbid, unauth}},
		{"PUT", "/api/derp/tiers/gold", map[string]any{"discountBps": -1}, [5]int{bad, forbid, forbid, forbid, unauth}},
		{"GET", "/api/derp/distributors/list", nil, [5]int{ok, forbid, forbid, forbid, unauth}},
		{"PUT", "/api/derp/distributors/1", map[string]any{"tier": "x"}, [5]int{bad, forbid, forbid, forbid, unauth}},
		{"DELETE", "/api/derp/distributors/0", nil, [5]int{bad, forbid, forbid, forbid, unauth}},
		{"POST", "/api/derp/serials/batches", map[string]any{"count": 0}, [5]int{bad, forbid, forbid, forbid, unauth}},
		{"GET", "/api/derp/customers/list", nil, [5]int{ok, ok, ok, forbid, unauth}},
		{"GET", "/api/derp/customers/0", nil, [5]int{bad, bad, bad, forbid, unauth}},
		{"POST", "/api/derp/customers", map[string]any{"email": "x"}, [5]int{bad, bad, bad, forbid, unauth}},
		{"GET", "/api/derp/serials/list", nil, [5]int{ok, ok, ok, forbid, unauth}},
		{"GET", "/api/derp/serials/batches/list", nil, [5]int{ok, ok, ok, forbid, unauth}},
		{"POST", "/api/derp/serials/0/void", nil, [5]int{bad, forbid, forbid, forbid, unauth}},
		{"GET", "/api/derp/serial-orders/list", nil, [5]int{ok, ok, ok, forbid, unauth}},
		{"PUT", "/api/derp/serial-orders/0/approve", nil, [5]int{bad, forbid, forbid, forbid, unauth}},
		{"PUT", "/api/derp/serial-orders/0/reject", nil, [5]int{bad, forbid, forbid, forbid, unauth}},
		{"GET", "/api/derp/public/plans", nil, [5]int{ok, ok, ok, ok, ok}},
		{"GET", "/api/derp/public/payment", nil, [5]int{ok, ok, ok, ok, ok}},
		{"POST", "/api/derp/me/rentals/0/renew", map[string]any{}, [5]int{bad, bad, bad, bad, unauth}},
		{"POST", "/api/derp/rentals/0/extend", map[string]any{}, [5]int{bad, forbid, forbid, forbid, unauth}},
		{"POST", "/api/derp/rentals/0/suspend", map[string]any{}, [5]int{bad, forbid, forbid, forbid, unauth}},
		{"POST", "/api/derp/rentals/0/resume", nil, [5]int{bad, forbid, forbid, forbid, unauth}},
		{"GET", "/api/quota/balance", nil, [5]int{ok, ok, ok, ok, unauth}},
		{"GET", "/api/quota/ledger/list", nil, [5]int{ok, ok, ok, ok, unauth}},
	}
	callers := w.callers()
	for _, c := range cases {
		for i, who := range callers {
			r := who.C.Do(t, c.method, c.path, c.body)
			if r.Status != c.want[i] {
				t.Errorf("%s %s as %s = %d %s, want %d", c.method, c.path, who.Name, r.Status, r.Reason, c.want[i])
			}
		}
	}
}

// TestMemberThroughFoundation: a member logs in with the foundation's login, lands on its own
// page and is a valid user-list filter within the staff's scope (§1).
func TestMemberThroughFoundation(t *testing.T) {
	w := newWorld(t)
	var info struct {
		Roles    []string `json:"roles"`
		HomePath string   `json:"homePath"`
	}
	w.Member.C.Get(t, "/api/user/info").Expect(t, http.StatusOK).Decode(t, &info)
	if len(info.Roles) != 1 || info.Roles[0] != "member" || info.HomePath != "/derp/mine" {
		t.Fatalf("member /user/info = %+v", info)
	}
	var list struct {
		Items []struct {
			Id   int64  `json:"id"`
			Role string `json:"role"`
		} `json:"items"`
	}
	// An agent has no user screen (the foundation grants it to agent-admins).
	for _, who := range []actor{w.Admin, w.Boss} {
		who.C.Get(t, "/api/system/user/list?role=member&pageSize=100").Expect(t, http.StatusOK).Decode(t, &list)
		found := false
		for _, it := range list.Items {
			if it.Role != "member" {
				t.Errorf("role=member listed a %s", it.Role)
			}
			found = found || it.Id == w.Member.ID
		}
		if !found {
			t.Errorf("%s does not see its member", who.Username)
		}
	}
	// Another agent-admin's subtree does not hold this member.
	other := login(t, testkit.SeedUser(t, "agent-admin", testkit.SuperAdmin(t)))
	other.C.Get(t, "/api/system/user/list?role=member&pageSize=100").Expect(t, http.StatusOK).Decode(t, &list)
	for _, it := range list.Items {
		if it.Id == w.Member.ID {
			t.Errorf("an outside agent-admin sees the member")
		}
	}
}
