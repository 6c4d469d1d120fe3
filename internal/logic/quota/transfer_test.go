package quota_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"kami/internal/testkit"
)

func TestTransferMovesQuotaAndWritesBothEntries(t *testing.T) {
	f := newFamily(t)
	testkit.SetSettings(t, map[string]any{"quota.minTransfer": 100})
	fund(t, f.Agent.ID, 10_000)

	var res struct {
		Status     string `json:"status"`
		MovementID int64  `json:"movementId"`
		Available  int64  `json:"available"`
	}
	f.Agent.Client.Post(t, "/api/quota/transfer", map[string]any{"toUsername": f.Agent2.Username, "amount": 2500}).
		Expect(t, http.StatusOK).Decode(t, &res)
	if res.Status != "done" || res.Available != 7500 || res.MovementID == 0 {
		t.Fatalf("transfer answered %+v", res)
	}
	if got := balanceOf(t, f.Agent2.ID); got.Available != 2500 {
		t.Fatalf("recipient holds %+v", got)
	}
	checkLedger(t, f.Agent.ID, f.Agent2.ID)
}

func TestTransferRefusals(t *testing.T) {
	f := newFamily(t)
	testkit.SetSettings(t, map[string]any{"quota.minTransfer": 100})
	fund(t, f.Agent.ID, 1000)
	cases := []struct {
		name   string
		body   map[string]any
		status int
		reason string
	}{
		{"insufficient", map[string]any{"toUsername": f.Agent2.Username, "amount": 1001}, http.StatusConflict, "QUOTA_INSUFFICIENT"},
		{"below minimum", map[string]any{"toUsername": f.Agent2.Username, "amount": 99}, http.StatusBadRequest, "QUOTA_BELOW_MINIMUM"},
		{"unknown recipient", map[string]any{"toUsername": "nobody_here", "amount": 100}, http.StatusBadRequest, "QUOTA_RECIPIENT_INVALID"},
		{"self", map[string]any{"toUsername": f.Agent.Username, "amount": 100}, http.StatusBadRequest, "QUOTA_RECIPIENT_INVALID"},
		{"zero", map[string]any{"toUsername": f.Agent2.Username, "amount": 0}, http.StatusBadRequest, "INVALID_INPUT"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := f.Agent.Client.Post(t, "/api/quota/transfer", c.body).Expect(t, c.status)
			if r.ErrorCode() != c.reason {
				t.Fatalf("reason %q, want %q (%s)", r.ErrorCode(), c.reason, r.Raw)
			}
		})
	}
	if got := balanceOf(t, f.Agent.ID); got.Available != 1000 || got.Frozen != 0 {
		t.Fatalf("a refused transfer changed the account: %+v", got)
	}
	checkLedger(t, f.Agent.ID, f.Agent2.ID)
}

func TestTransferRecipientsAndRoles(t *testing.T) {
	f, other := newFamily(t), newFamily(t)
	testkit.SetSettings(t, map[string]any{"quota.minTransfer": 1})
	fund(t, f.Agent.ID, 1000)
	disabled := newFamily(t).Agent
	f.Admin.Client.Put(t, "/api/system/user/"+strconv.FormatInt(disabled.ID, 10)+"/status", map[string]any{"status": 0}).
		Expect(t, http.StatusOK)
	cases := []struct {
		name   string
		from   *testkit.Client
		to     string
		status int
		reason string
	}{
		{"disabled recipient", f.Agent.Client, disabled.Username, http.StatusBadRequest, "QUOTA_RECIPIENT_INVALID"},
		{"the super-admin as recipient", f.Agent.Client, "admin", http.StatusBadRequest, "QUOTA_RECIPIENT_INVALID"},
		{"the super-admin transferring", f.Admin.Client, f.Agent.Username, http.StatusForbidden, "FORBIDDEN"},
		{"any spelling of the name", f.Agent.Client, strings.ToUpper(f.Agent2.Username), http.StatusOK, ""},
		{"an agent of another agent-admin", f.Agent.Client, other.Agent.Username, http.StatusOK, ""},
		{"up to its own agent-admin", f.Agent.Client, f.Boss.Username, http.StatusOK, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := c.from.Post(t, "/api/quota/transfer", map[string]any{"toUsername": c.to, "amount": 10}).Expect(t, c.status)
			if r.ErrorCode() != c.reason {
				t.Fatalf("reason %q, want %q", r.ErrorCode(), c.reason)
			}
		})
	}
	if got := balanceOf(t, f.Agent.ID); got.Available != 970 {
		t.Fatalf("after three transfers of 10 the sender holds %+v", got)
	}
	checkLedger(t, f.Agent.ID, f.Agent2.ID, f.Boss.ID, other.Agent.ID, disabled.ID)
}

func TestTransferIdempotencyKey(t *testing.T) {
	f := newFamily(t)
	testkit.SetSettings(t, map[string]any{"quota.minTransfer": 1})
	fund(t, f.Agent.ID, 1000)
	key := testkit.UniqueName("t")
	body := map[string]any{"toUsername": f.Agent2.Username, "amount": 300}
	var first, again struct {
		MovementID int64 `json:"movementId"`
		Available  int64 `json:"available"`
	}
	withKey(f.Agent.Client, key).Post(t, "/api/quota/transfer", body).Expect(t, http.StatusOK).Decode(t, &first)
	withKey(f.Agent.Client, key).Post(t, "/api/quota/transfer", body).Expect(t, http.StatusOK).Decode(t, &again)
	if again != first || first.Available != 700 {
		t.Fatalf("first %+v, replay %+v", first, again)
	}
	r := withKey(f.Agent.Client, key).Post(t, "/api/quota/transfer", map[string]any{"toUsername": f.Agent2.Username, "amount": 301}).
		Expect(t, http.StatusConflict)
	if r.ErrorCode() != "IDEMPOTENCY_MISMATCH" {
		t.Fatalf("same key, other body: %s", r.Raw)
	}
	if got := balanceOf(t, f.Agent2.ID); got.Available != 300 {
		t.Fatalf("the recipient holds %+v: the key moved quota more than once", got)
	}
	checkLedger(t, f.Agent.ID, f.Agent2.ID)
}
