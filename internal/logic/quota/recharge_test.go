package quota_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/testkit"
)

type rechargeRes struct {
	MovementID int64 `json:"movementId"`
	balance
}

// movementsOf counts the ledger movements made for a user by recharges (ref user:<id>).
func movementsOf(t *testing.T, userID int64) int {
	t.Helper()
	n, err := dao.QuotaMovements.Ctx(context.Background()).Where("ref", "user:"+strconv.FormatInt(userID, 10)).Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestRechargeBySuperAdminIsASystemCredit(t *testing.T) {
	f := newFamily(t)
	var res rechargeRes
	f.Admin.Client.Post(t, "/api/quota/recharge", map[string]any{"userId": f.Boss.ID, "amount": 5000}).
		Expect(t, http.StatusOK).Decode(t, &res)
	if res.MovementID == 0 || res.UserID != f.Boss.ID || res.Available != 5000 {
		t.Fatalf("answered %+v", res)
	}
	// Without limit: again, far more than anyone holds.
	f.Admin.Client.Post(t, "/api/quota/recharge", map[string]any{"userId": f.Agent.ID, "amount": 90_000_000}).Expect(t, http.StatusOK)
	if got := balanceOf(t, f.Agent.ID); got.Available != 90_000_000 {
		t.Fatalf("agent holds %+v", got)
	}
	entries := ledger(t, f.Admin.Client, "ref=user:"+strconv.FormatInt(f.Boss.ID, 10))
	if len(entries) != 2 || users(entries)[model.SystemAccount] != 1 || entries[0].Type != model.QuotaTypeSystemRecharge {
		t.Fatalf("a system recharge is a system leg and the user's: %+v", entries)
	}
	checkLedger(t, f.Boss.ID, f.Agent.ID)
}

func TestRechargeByAgentAdminComesFromItsOwnQuota(t *testing.T) {
	f := newFamily(t)
	fund(t, f.Boss.ID, 1000)
	var res rechargeRes
	f.Boss.Client.Post(t, "/api/quota/recharge", map[string]any{"userId": f.Agent.ID, "amount": 600, "remark": "for May"}).
		Expect(t, http.StatusOK).Decode(t, &res)
	if res.UserID != f.Agent.ID || res.Available != 600 {
		t.Fatalf("answered %+v", res)
	}
	if got := balanceOf(t, f.Boss.ID); got.Available != 400 {
		t.Fatalf("Boss holds %+v, want 400 left", got)
	}
	// The agent is told in its inbox.
	var inbox struct {
		Items []struct {
			Kind string `json:"kind"`
		} `json:"items"`
	}
	f.Agent.Client.Get(t, "/api/notifications/list").Expect(t, http.StatusOK).Decode(t, &inbox)
	if len(inbox.Items) != 1 || inbox.Items[0].Kind != "quota.changed" {
		t.Fatalf("agent's inbox %+v", inbox.Items)
	}
	checkLedger(t, f.Boss.ID, f.Agent.ID)
}

func TestRechargeRefusals(t *testing.T) {
	f, other := newFamily(t), newFamily(t)
	fund(t, f.Boss.ID, 1000)
	disabled := testkit.SeedUser(t, consts.RoleAgent, f.Boss.SeededUser)
	if _, err := dao.Users.Ctx(context.Background()).WherePri(disabled.ID).Data("status", consts.StatusDisabled).Update(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		caller member
		body   map[string]any
		status int
		reason string
	}{
		{"insufficient", f.Boss, map[string]any{"userId": f.Agent.ID, "amount": 1001}, http.StatusConflict, "QUOTA_INSUFFICIENT"},
		{"another agent-admin's agent", f.Boss, map[string]any{"userId": other.Agent.ID, "amount": 10}, http.StatusNotFound, "NOT_FOUND"},
		{"another agent-admin", f.Boss, map[string]any{"userId": other.Boss.ID, "amount": 10}, http.StatusNotFound, "NOT_FOUND"},
		{"itself", f.Boss, map[string]any{"userId": f.Boss.ID, "amount": 10}, http.StatusBadRequest, "QUOTA_RECIPIENT_INVALID"},
		{"disabled recipient", f.Boss, map[string]any{"userId": disabled.ID, "amount": 10}, http.StatusBadRequest, "QUOTA_RECIPIENT_INVALID"},
		{"disabled recipient, super-admin", f.Admin, map[string]any{"userId": disabled.ID, "amount": 10}, http.StatusBadRequest, "QUOTA_RECIPIENT_INVALID"},
		{"agent may not recharge", f.Agent, map[string]any{"userId": f.Agent2.ID, "amount": 10}, http.StatusForbidden, "FORBIDDEN"},
		{"zero", f.Boss, map[string]any{"userId": f.Agent.ID, "amount": 0}, http.StatusBadRequest, "INVALID_INPUT"},
		{"negative", f.Boss, map[string]any{"userId": f.Agent.ID, "amount": -5}, http.StatusBadRequest, "INVALID_INPUT"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := c.caller.Client.Post(t, "/api/quota/recharge", c.body).Expect(t, c.status)
			if r.ErrorCode() != c.reason {
				t.Fatalf("reason %q, want %q (%s)", r.ErrorCode(), c.reason, r.Raw)
			}
		})
	}
	if got := balanceOf(t, f.Boss.ID); got.Available != 1000 {
		t.Fatalf("a refused recharge changed Boss's account: %+v", got)
	}
	for _, id := range []int64{f.Agent.ID, f.Agent2.ID, other.Agent.ID, other.Boss.ID, disabled.ID} {
		if got := balanceOf(t, id); got.Available != 0 {
			t.Errorf("user %d received %+v", id, got)
		}
	}
	checkLedger(t, f.Boss.ID, f.Agent.ID, disabled.ID)
}

// A retried recharge with the same Idempotency-Key gets the first answer and moves nothing
// again; the same key with another body is 409.
func TestRechargeIdempotency(t *testing.T) {
	f := newFamily(t)
	fund(t, f.Boss.ID, 1000)
	cl := withKey(f.Boss.Client, testkit.UniqueName("rk"))
	body := map[string]any{"userId": f.Agent.ID, "amount": 300}
	var first, again rechargeRes
	cl.Post(t, "/api/quota/recharge", body).Expect(t, http.StatusOK).Decode(t, &first)
	cl.Post(t, "/api/quota/recharge", body).Expect(t, http.StatusOK).Decode(t, &again)
	if first != again || first.Available != 300 {
		t.Fatalf("first %+v, retry %+v", first, again)
	}
	if r := cl.Post(t, "/api/quota/recharge", map[string]any{"userId": f.Agent.ID, "amount": 301}).
		Expect(t, http.StatusConflict); r.ErrorCode() != "IDEMPOTENCY_MISMATCH" {
		t.Fatalf("same key, other body: %s", r.Raw)
	}
	if n := movementsOf(t, f.Agent.ID); n != 1 {
		t.Fatalf("%d movements, want one", n)
	}
	if b, a := balanceOf(t, f.Boss.ID), balanceOf(t, f.Agent.ID); b.Available != 700 || a.Available != 300 {
		t.Fatalf("Boss %+v, agent %+v", b, a)
	}
	// Another key is another recharge.
	withKey(f.Boss.Client, testkit.UniqueName("rk")).Post(t, "/api/quota/recharge", body).Expect(t, http.StatusOK)
	if n := movementsOf(t, f.Agent.ID); n != 2 {
		t.Fatalf("%d movements after a second key, want two", n)
	}
	checkLedger(t, f.Boss.ID, f.Agent.ID)
}
