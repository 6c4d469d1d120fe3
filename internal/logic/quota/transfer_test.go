package quota_test

import (
	"net/http"
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
