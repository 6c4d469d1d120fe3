package quota_test

import (
	"fmt"
	"net/http"
	"testing"
)

// GET /api/quota/balance answers the caller's own account, or a user's in its scope; a user
// outside it is 404, the answer for an id that does not exist.
func TestBalanceOwnAndInScope(t *testing.T) {
	f, other := newFamily(t), newFamily(t)
	fund(t, f.Boss.ID, 900)
	fund(t, f.Agent.ID, 250)
	fund(t, other.Agent.ID, 40)
	cases := []struct {
		name      string
		caller    member
		userID    int64 // 0: no userId
		status    int
		available int64
	}{
		{"agent, own", f.Agent, 0, http.StatusOK, 250},
		{"agent, own by id", f.Agent, f.Agent.ID, http.StatusOK, 250},
		{"agent, its sibling", f.Agent, f.Agent2.ID, http.StatusNotFound, 0},
		{"agent, its agent-admin", f.Agent, f.Boss.ID, http.StatusNotFound, 0},
		{"agent-admin, own", f.Boss, 0, http.StatusOK, 900},
		{"agent-admin, its agent", f.Boss, f.Agent.ID, http.StatusOK, 250},
		{"agent-admin, its agent with nothing", f.Boss, f.Agent2.ID, http.StatusOK, 0},
		{"agent-admin, another agent-admin's agent", f.Boss, other.Agent.ID, http.StatusNotFound, 0},
		{"agent-admin, another agent-admin", f.Boss, other.Boss.ID, http.StatusNotFound, 0},
		{"agent-admin, a user that does not exist", f.Boss, 1 << 40, http.StatusNotFound, 0},
		{"super-admin, anyone", f.Admin, other.Agent.ID, http.StatusOK, 40},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := "/api/quota/balance"
			if c.userID != 0 {
				path += fmt.Sprintf("?userId=%d", c.userID)
			}
			r := c.caller.Client.Get(t, path).Expect(t, c.status)
			if c.status != http.StatusOK {
				if r.ErrorCode() != "NOT_FOUND" {
					t.Fatalf("%s", r.Raw)
				}
				return
			}
			var b balance
			r.Decode(t, &b)
			want := c.userID
			if want == 0 {
				want = c.caller.ID
			}
			if b.UserID != want || b.Available != c.available || b.Frozen != 0 {
				t.Fatalf("balance %+v, want user %d with %d", b, want, c.available)
			}
		})
	}
}
