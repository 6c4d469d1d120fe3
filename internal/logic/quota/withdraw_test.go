package quota_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	v1 "kami/api/quota/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/idemkey"
	"kami/internal/service"
	"kami/internal/testkit"
)

type withdrawal struct {
	ID         int64  `json:"id"`
	UserID     int64  `json:"userId"`
	Username   string `json:"username"`
	Amount     int64  `json:"amount"`
	Account    string `json:"account"`
	Status     string `json:"status"`
	PaymentRef string `json:"paymentRef"`
	Reason     string `json:"reason"`
	DecidedBy  int64  `json:"decidedBy"`
}

func withdraw(t *testing.T, c *testkit.Client, amount int64) withdrawal {
	t.Helper()
	var w withdrawal
	c.Post(t, "/api/quota/withdrawals", map[string]any{"amount": amount, "account": "alipay:someone@example.test"}).
		Expect(t, http.StatusOK).Decode(t, &w)
	return w
}

func wpath(id int64, verb string) string {
	return fmt.Sprintf("/api/quota/withdrawals/%d/%s", id, verb)
}

// decision is the body of a withdrawal action.
func decision(verb string) map[string]any {
	switch verb {
	case "approve":
		return map[string]any{"paymentRef": "P-1"}
	case "reject":
		return map[string]any{"reason": "no"}
	}
	return nil
}

// inbox counts the inbox rows of template the user holds.
func inbox(t *testing.T, userID int64, template string) int {
	t.Helper()
	ctx := context.Background()
	ids, err := dao.Notices.Ctx(ctx).Fields("id").Where("template", template).Array()
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) == 0 {
		return 0
	}
	n, err := dao.Notifications.Ctx(ctx).Where("user_id", userID).WhereIn("notice_id", ids).Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// withdrawalRows counts the user's withdrawal rows.
func withdrawalRows(t *testing.T, userID int64) int {
	t.Helper()
	n, err := dao.QuotaWithdrawals.Ctx(context.Background()).Where("user_id", userID).Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestWithdrawalFreezesThenApprovalPaysOut(t *testing.T) {
	f := newFamily(t)
	testkit.SetSettings(t, map[string]any{"quota.minWithdrawal": 10_000})
	fund(t, f.Agent.ID, 50_000)

	w := withdraw(t, f.Agent.Client, 20_000)
	if w.Status != "pending" || w.Amount != 20_000 || w.Username != f.Agent.Username || w.UserID != f.Agent.ID {
		t.Fatalf("withdrawal answered %+v", w)
	}
	if b := balanceOf(t, f.Agent.ID); b.Available != 30_000 || b.Frozen != 20_000 {
		t.Fatalf("after the request: %+v", b)
	}

	var queue struct {
		Items []withdrawal `json:"items"`
		Total int          `json:"total"`
	}
	f.Boss.Client.Get(t, "/api/quota/withdrawals/list?status=pending&sortBy=amount").Expect(t, http.StatusOK).Decode(t, &queue)
	if queue.Total != 1 || queue.Items[0].ID != w.ID {
		t.Fatalf("the approver's queue: %+v", queue)
	}

	var paid withdrawal
	f.Boss.Client.Put(t, wpath(w.ID, "approve"), map[string]any{"paymentRef": "BANK-0001"}).
		Expect(t, http.StatusOK).Decode(t, &paid)
	if paid.Status != "paid" || paid.PaymentRef != "BANK-0001" || paid.DecidedBy != f.Boss.ID {
		t.Fatalf("approval answered %+v", paid)
	}
	if b := balanceOf(t, f.Agent.ID); b.Available != 30_000 || b.Frozen != 0 {
		t.Fatalf("after payout: %+v", b)
	}
	// The payout went to the system account: its entries for this withdrawal sum to +20000.
	sys, err := dao.QuotaEntries.Ctx(context.Background()).Where("user_id", 0).
		Where("ref", fmt.Sprintf("withdrawal:%d", w.ID)).Sum("amount")
	if err != nil || int64(sys) != 20_000 {
		t.Fatalf("system account received %v (%v)", sys, err)
	}
	if n := inbox(t, f.Agent.ID, "quota.withdrawalPaid"); n != 1 {
		t.Fatalf("requester holds %d paid notices", n)
	}
	var got withdrawal
	f.Agent.Client.Get(t, fmt.Sprintf("/api/quota/withdrawals/%d", w.ID)).Expect(t, http.StatusOK).Decode(t, &got)
	if got.Status != "paid" {
		t.Fatalf("get answered %+v", got)
	}
	// Deciding it again: it is no longer pending.
	r := f.Boss.Client.Put(t, wpath(w.ID, "reject"), map[string]any{"reason": "late"}).Expect(t, http.StatusConflict)
	if r.ErrorCode() != "INVALID_STATE" {
		t.Fatalf("second decision: %s", r.Raw)
	}
	checkLedger(t, f.Agent.ID)
}

func TestWithdrawalRefusals(t *testing.T) {
	f := newFamily(t)
	testkit.SetSettings(t, map[string]any{"quota.minWithdrawal": 10_000})
	fund(t, f.Agent.ID, 15_000)
	fund(t, f.Boss.ID, 15_000)
	cases := []struct {
		name   string
		caller member
		amount int64
		status int
		reason string
	}{
		{"insufficient", f.Agent, 15_001, http.StatusConflict, "QUOTA_INSUFFICIENT"},
		{"below minimum", f.Agent, 9_999, http.StatusBadRequest, "QUOTA_BELOW_MINIMUM"},
		{"zero", f.Agent, 0, http.StatusBadRequest, "INVALID_INPUT"},
		{"super-admin", f.Admin, 10_000, http.StatusForbidden, "FORBIDDEN"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := c.caller.Client.Post(t, "/api/quota/withdrawals", map[string]any{"amount": c.amount, "account": "card 6222"}).
				Expect(t, c.status)
			if r.ErrorCode() != c.reason {
				t.Fatalf("reason %q, want %q (%s)", r.ErrorCode(), c.reason, r.Raw)
			}
		})
	}
	if b := balanceOf(t, f.Agent.ID); b.Available != 15_000 || b.Frozen != 0 {
		t.Fatalf("a refused withdrawal changed the account: %+v", b)
	}
	if n := withdrawalRows(t, f.Agent.ID); n != 0 {
		t.Fatalf("refused withdrawals left %d rows", n)
	}
	// The minimum is told in yuan.
	r := f.Agent.Client.Post(t, "/api/quota/withdrawals", map[string]any{"amount": 9_999, "account": "x"})
	if want := "100.00"; !strings.Contains(r.ErrorText(), want) {
		t.Fatalf("below-minimum text %q lacks %q", r.ErrorText(), want)
	}
	// The agent-admin withdraws its own quota too.
	if w := withdraw(t, f.Boss.Client, 10_000); w.Status != "pending" {
		t.Fatalf("agent-admin's withdrawal: %+v", w)
	}
	checkLedger(t, f.Agent.ID, f.Boss.ID)
}

func TestWithdrawalWhoDecides(t *testing.T) {
	f := newFamily(t)
	other := newFamily(t) // another agent-admin and its agents
	testkit.SetSettings(t, map[string]any{"quota.minWithdrawal": 100})
	fund(t, f.Agent.ID, 10_000)
	fund(t, f.Boss.ID, 10_000)
	agentW := withdraw(t, f.Agent.Client, 1000)
	bossW := withdraw(t, f.Boss.Client, 1000)

	cases := []struct {
		name   string
		caller member
		id     int64
		verb   string
		status int
	}{
		{"agent approves its own", f.Agent, agentW.ID, "approve", http.StatusForbidden},
		{"agent rejects a sibling's", f.Agent2, agentW.ID, "reject", http.StatusForbidden},
		{"another agent-admin", other.Boss, agentW.ID, "approve", http.StatusNotFound},
		{"another agent-admin rejects", other.Boss, agentW.ID, "reject", http.StatusNotFound},
		{"agent-admin approves its own", f.Boss, bossW.ID, "approve", http.StatusForbidden},
		{"sibling cancels", f.Agent2, agentW.ID, "cancel", http.StatusNotFound},
		{"approver cancels", f.Boss, agentW.ID, "cancel", http.StatusNotFound},
		{"super-admin cancels", f.Admin, agentW.ID, "cancel", http.StatusNotFound},
		{"missing", f.Admin, 1 << 40, "approve", http.StatusNotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.caller.Client.Put(t, wpath(c.id, c.verb), decision(c.verb)).Expect(t, c.status)
		})
	}
	t.Run("out of scope reads", func(t *testing.T) {
		other.Boss.Client.Get(t, fmt.Sprintf("/api/quota/withdrawals/%d", agentW.ID)).Expect(t, http.StatusNotFound)
		f.Agent2.Client.Get(t, fmt.Sprintf("/api/quota/withdrawals/%d", agentW.ID)).Expect(t, http.StatusNotFound)
		var l struct{ Total int }
		other.Boss.Client.Get(t, fmt.Sprintf("/api/quota/withdrawals/list?userId=%d", f.Agent.ID)).Expect(t, http.StatusOK).Decode(t, &l)
		if l.Total != 0 {
			t.Fatalf("another agent-admin lists %d of them", l.Total)
		}
		f.Agent.Client.Get(t, "/api/quota/withdrawals/list?sortBy=account").Expect(t, http.StatusBadRequest)
	})
	// Nothing moved; then the right approvers decide: the agent-admin its agent's, the
	// super-admin the agent-admin's.
	if b := balanceOf(t, f.Agent.ID); b.Frozen != 1000 {
		t.Fatalf("refused decisions changed the account: %+v", b)
	}
	f.Boss.Client.Put(t, wpath(agentW.ID, "approve"), decision("approve")).Expect(t, http.StatusOK)
	var w withdrawal
	f.Admin.Client.Put(t, wpath(bossW.ID, "reject"), decision("reject")).Expect(t, http.StatusOK).Decode(t, &w)
	if w.Status != "rejected" || w.Reason != "no" {
		t.Fatalf("super-admin's rejection: %+v", w)
	}
	if b := balanceOf(t, f.Boss.ID); b.Available != 10_000 || b.Frozen != 0 {
		t.Fatalf("rejected withdrawal left %+v", b)
	}
	if n := inbox(t, f.Boss.ID, "quota.withdrawalRejected"); n != 1 {
		t.Fatalf("requester holds %d rejection notices", n)
	}
	checkLedger(t, f.Agent.ID, f.Boss.ID)
}

func TestWithdrawalCancel(t *testing.T) {
	f := newFamily(t)
	testkit.SetSettings(t, map[string]any{"quota.minWithdrawal": 100})
	fund(t, f.Agent.ID, 5000)
	w := withdraw(t, f.Agent.Client, 4000)

	var got withdrawal
	f.Agent.Client.Put(t, wpath(w.ID, "cancel"), nil).Expect(t, http.StatusOK).Decode(t, &got)
	if got.Status != "cancelled" {
		t.Fatalf("cancel answered %+v", got)
	}
	if b := balanceOf(t, f.Agent.ID); b.Available != 5000 || b.Frozen != 0 {
		t.Fatalf("after cancel: %+v", b)
	}
	for _, c := range []struct {
		caller member
		verb   string
	}{{f.Agent, "cancel"}, {f.Boss, "approve"}, {f.Boss, "reject"}} {
		r := c.caller.Client.Put(t, wpath(w.ID, c.verb), decision(c.verb)).Expect(t, http.StatusConflict)
		if r.ErrorCode() != "INVALID_STATE" {
			t.Fatalf("%s on a cancelled withdrawal: %s", c.verb, r.Raw)
		}
	}
	checkLedger(t, f.Agent.ID)
}

func TestWithdrawalIdempotencyKey(t *testing.T) {
	f := newFamily(t)
	testkit.SetSettings(t, map[string]any{"quota.minWithdrawal": 100})
	fund(t, f.Agent.ID, 5000)
	c := withKey(f.Agent.Client, testkit.UniqueName("wd-"))
	body := map[string]any{"amount": 1500, "account": "card 1"}

	var first, second withdrawal
	c.Post(t, "/api/quota/withdrawals", body).Expect(t, http.StatusOK).Decode(t, &first)
	r := c.Post(t, "/api/quota/withdrawals", body).Expect(t, http.StatusOK)
	r.Decode(t, &second)
	if first.ID != second.ID || r.Header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("retry answered %+v after %+v", second, first)
	}
	other := c.Post(t, "/api/quota/withdrawals", map[string]any{"amount": 1600, "account": "card 1"}).Expect(t, http.StatusConflict)
	if other.ErrorCode() != "IDEMPOTENCY_MISMATCH" {
		t.Fatalf("same key, other body: %s", other.Raw)
	}
	if n := withdrawalRows(t, f.Agent.ID); n != 1 {
		t.Fatalf("%d withdrawal rows", n)
	}
	if b := balanceOf(t, f.Agent.ID); b.Available != 3500 || b.Frozen != 1500 {
		t.Fatalf("after the retries: %+v", b)
	}

	// Past the Redis record (a day later), the key kept on the reservation still decides.
	ctx := idemkey.With(f.Agent.Ctx(context.Background()), testkit.UniqueName("gone-"))
	req := &v1.WithdrawalCreateReq{Amount: 1000, Account: "card 2"}
	a, err := service.Quota().Withdraw(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	b, err := service.Quota().Withdraw(ctx, req)
	if err != nil || b.Id != a.Id {
		t.Fatalf("replay in the database: %+v, %v (first %d)", b, err, a.Id)
	}
	if _, err = service.Quota().Withdraw(ctx, &v1.WithdrawalCreateReq{Amount: 1000, Account: "card 3"}); !errs.Is(err, errs.IdempotencyMismatch) {
		t.Fatalf("other request under the key: %v", err)
	}
	if n := withdrawalRows(t, f.Agent.ID); n != 2 {
		t.Fatalf("%d withdrawal rows", n)
	}
	if b := balanceOf(t, f.Agent.ID); b.Available != 2500 || b.Frozen != 2500 {
		t.Fatalf("after the database replays: %+v", b)
	}

	// An approval retried with its key pays once.
	approve := withKey(f.Boss.Client, testkit.UniqueName("ap-"))
	for range 2 {
		approve.Put(t, wpath(first.ID, "approve"), map[string]any{"paymentRef": "P-9"}).Expect(t, http.StatusOK)
	}
	if b := balanceOf(t, f.Agent.ID); b.Available != 2500 || b.Frozen != 1000 {
		t.Fatalf("after the approval retries: %+v", b)
	}
	checkLedger(t, f.Agent.ID)
}
