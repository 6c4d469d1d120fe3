package quota_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	v1 "kami/api/quota/v1"
	"kami/internal/dao"
	"kami/internal/idemkey"
	"kami/internal/service"
	"kami/internal/testkit"
)

type review struct {
	ID             int64    `json:"id"`
	Kind           string   `json:"kind"`
	UserID         int64    `json:"userId"`
	Username       string   `json:"username"`
	ToUserID       int64    `json:"toUserId"`
	ToUsername     string   `json:"toUsername"`
	Amount         int64    `json:"amount"`
	ApprovedAmount int64    `json:"approvedAmount"`
	Rules          []string `json:"rules"`
	Status         string   `json:"status"`
	WithdrawalID   int64    `json:"withdrawalId"`
	Note           string   `json:"note"`
	ReviewerID     int64    `json:"reviewerId"`
}

type transferRes struct {
	Status     string `json:"status"`
	ReviewID   int64  `json:"reviewId"`
	MovementID int64  `json:"movementId"`
	Available  int64  `json:"available"`
	Frozen     int64  `json:"frozen"`
}

func transfer(t *testing.T, from member, to member, amount int64) transferRes {
	t.Helper()
	var res transferRes
	from.Client.Post(t, "/api/quota/transfer", map[string]any{"toUsername": to.Username, "amount": amount}).
		Expect(t, http.StatusOK).Decode(t, &res)
	return res
}

func rpath(id int64, verb string) string { return fmt.Sprintf("/api/quota/reviews/%d/%s", id, verb) }

// entriesOf lists (user, bucket, amount) of every entry written for ref, in order.
func entriesOf(t *testing.T, ref string) [][3]any {
	t.Helper()
	var rows []struct {
		UserId int64
		Bucket string
		Amount int64
	}
	if err := dao.QuotaEntries.Ctx(context.Background()).Where("ref", ref).OrderAsc("id").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	out := make([][3]any, 0, len(rows))
	for _, r := range rows {
		out = append(out, [3]any{r.UserId, r.Bucket, r.Amount})
	}
	return out
}

func TestReviewPartialApprovalOfATransfer(t *testing.T) {
	f := newFamily(t)
	testkit.SetSettings(t, map[string]any{"quota.riskSingleOver": 1000})
	fund(t, f.Agent.ID, 10_000)

	held := transfer(t, f.Agent, f.Agent2, 5000)
	if held.Status != "review" || held.ReviewID == 0 || held.Available != 5000 || held.Frozen != 5000 {
		t.Fatalf("held transfer answered %+v", held)
	}
	if n := inbox(t, f.Agent.ID, "quota.held"); n != 1 {
		t.Fatalf("requester holds %d held notices", n)
	}
	if n := inbox(t, f.Admin.ID, "quota.reviewNeeded"); n < 1 {
		t.Fatalf("the super-admin holds no review-needed notice")
	}

	var queue struct {
		Items []review `json:"items"`
		Total int      `json:"total"`
	}
	f.Admin.Client.Get(t, fmt.Sprintf("/api/quota/reviews/list?status=pending&kind=transfer&userId=%d", f.Agent.ID)).
		Expect(t, http.StatusOK).Decode(t, &queue)
	if queue.Total != 1 || queue.Items[0].ID != held.ReviewID || queue.Items[0].ToUsername != f.Agent2.Username ||
		len(queue.Items[0].Rules) != 1 || queue.Items[0].Rules[0] != "single" {
		t.Fatalf("review queue: %+v", queue)
	}

	r := f.Admin.Client.Put(t, rpath(held.ReviewID, "approve"), map[string]any{"amount": 5001}).Expect(t, http.StatusBadRequest)
	if r.ErrorCode() != "QUOTA_APPROVE_AMOUNT_INVALID" {
		t.Fatalf("approving more than asked: %s", r.Raw)
	}

	var done review
	f.Admin.Client.Put(t, rpath(held.ReviewID, "approve"), map[string]any{"amount": 3000, "note": "part"}).
		Expect(t, http.StatusOK).Decode(t, &done)
	if done.Status != "approved" || done.ApprovedAmount != 3000 || done.Amount != 5000 || done.ReviewerID != f.Admin.ID {
		t.Fatalf("approval answered %+v", done)
	}
	if b := balanceOf(t, f.Agent.ID); b.Available != 7000 || b.Frozen != 0 {
		t.Fatalf("sender after partial approval: %+v", b)
	}
	if b := balanceOf(t, f.Agent2.ID); b.Available != 3000 || b.Frozen != 0 {
		t.Fatalf("recipient after partial approval: %+v", b)
	}
	// Exactly two movements: the freeze, then one settlement paying the recipient and
	// unfreezing the rest.
	ref := fmt.Sprintf("review:%d", held.ReviewID)
	want := [][3]any{
		{f.Agent.ID, "available", int64(-5000)}, {f.Agent.ID, "frozen", int64(5000)},
		{f.Agent.ID, "frozen", int64(-5000)}, {f.Agent.ID, "available", int64(2000)}, {f.Agent2.ID, "available", int64(3000)},
	}
	if got := entriesOf(t, ref); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("entries of %s:\n got %v\nwant %v", ref, got, want)
	}
	if n := inbox(t, f.Agent2.ID, "quota.transferIn"); n != 1 {
		t.Fatalf("recipient holds %d transfer notices", n)
	}
	if n := inbox(t, f.Agent.ID, "quota.reviewApproved"); n != 1 {
		t.Fatalf("requester holds %d approval notices", n)
	}
	r = f.Admin.Client.Put(t, rpath(held.ReviewID, "reject"), map[string]any{"note": "changed my mind"}).Expect(t, http.StatusConflict)
	if r.ErrorCode() != "INVALID_STATE" {
		t.Fatalf("rejecting a decided review: %s", r.Raw)
	}
	checkLedger(t, f.Agent.ID, f.Agent2.ID)
}

func TestReviewRejectAndFullApproval(t *testing.T) {
	f := newFamily(t)
	testkit.SetSettings(t, map[string]any{"quota.riskSingleOver": 1000})
	fund(t, f.Agent.ID, 10_000)
	a := transfer(t, f.Agent, f.Agent2, 2000)
	b := transfer(t, f.Agent, f.Agent2, 3000)

	var rejected review
	f.Admin.Client.Put(t, rpath(a.ReviewID, "reject"), map[string]any{"note": "unknown recipient"}).
		Expect(t, http.StatusOK).Decode(t, &rejected)
	if rejected.Status != "rejected" || rejected.Note != "unknown recipient" {
		t.Fatalf("rejection answered %+v", rejected)
	}
	var all review
	f.Admin.Client.Put(t, rpath(b.ReviewID, "approve"), map[string]any{}).Expect(t, http.StatusOK).Decode(t, &all)
	if all.ApprovedAmount != 3000 {
		t.Fatalf("approval without amount: %+v", all)
	}
	if got := balanceOf(t, f.Agent.ID); got.Available != 7000 || got.Frozen != 0 {
		t.Fatalf("sender: %+v", got)
	}
	if got := balanceOf(t, f.Agent2.ID); got.Available != 3000 {
		t.Fatalf("recipient: %+v", got)
	}
	if n := inbox(t, f.Agent.ID, "quota.reviewRejected"); n != 1 {
		t.Fatalf("requester holds %d rejection notices", n)
	}
	checkLedger(t, f.Agent.ID, f.Agent2.ID)
}

func TestReviewOfAWithdrawal(t *testing.T) {
	f := newFamily(t)
	testkit.SetSettings(t, map[string]any{"quota.riskSingleOver": 15_000, "quota.minWithdrawal": 100})
	fund(t, f.Agent.ID, 60_000)

	// Partly approved: the withdrawal goes on, shrunk, to its approver.
	w := withdraw(t, f.Agent.Client, 20_000)
	if w.Status != "review" {
		t.Fatalf("withdrawal over the single limit: %+v", w)
	}
	r := f.Boss.Client.Put(t, wpath(w.ID, "approve"), decision("approve")).Expect(t, http.StatusConflict)
	if r.ErrorCode() != "INVALID_STATE" {
		t.Fatalf("paying a withdrawal under review: %s", r.Raw)
	}
	var queue struct{ Items []review }
	f.Admin.Client.Get(t, fmt.Sprintf("/api/quota/reviews/list?kind=withdrawal&userId=%d", f.Agent.ID)).
		Expect(t, http.StatusOK).Decode(t, &queue)
	if len(queue.Items) != 1 || queue.Items[0].WithdrawalID != w.ID || queue.Items[0].Status != "pending" {
		t.Fatalf("review queue: %+v", queue)
	}
	rv := queue.Items[0]
	f.Admin.Client.Put(t, rpath(rv.ID, "approve"), map[string]any{"amount": 12_000}).Expect(t, http.StatusOK)
	var got withdrawal
	f.Agent.Client.Get(t, fmt.Sprintf("/api/quota/withdrawals/%d", w.ID)).Expect(t, http.StatusOK).Decode(t, &got)
	if got.Status != "pending" || got.Amount != 12_000 {
		t.Fatalf("withdrawal after partial review: %+v", got)
	}
	if b := balanceOf(t, f.Agent.ID); b.Available != 48_000 || b.Frozen != 12_000 {
		t.Fatalf("after partial review: %+v", b)
	}
	f.Boss.Client.Put(t, wpath(w.ID, "approve"), decision("approve")).Expect(t, http.StatusOK)
	if b := balanceOf(t, f.Agent.ID); b.Available != 48_000 || b.Frozen != 0 {
		t.Fatalf("after payout: %+v", b)
	}

	// Rejected in review: the withdrawal is rejected too.
	w2 := withdraw(t, f.Agent.Client, 16_000)
	f.Admin.Client.Get(t, fmt.Sprintf("/api/quota/reviews/list?status=pending&userId=%d", f.Agent.ID)).
		Expect(t, http.StatusOK).Decode(t, &queue)
	f.Admin.Client.Put(t, rpath(queue.Items[0].ID, "reject"), map[string]any{"note": "call us first"}).Expect(t, http.StatusOK)
	f.Agent.Client.Get(t, fmt.Sprintf("/api/quota/withdrawals/%d", w2.ID)).Expect(t, http.StatusOK).Decode(t, &got)
	if got.Status != "rejected" || got.Reason != "call us first" {
		t.Fatalf("withdrawal after rejected review: %+v", got)
	}

	// Cancelled by its requester while under review: the review closes as rejected.
	w3 := withdraw(t, f.Agent.Client, 16_000)
	f.Agent.Client.Put(t, wpath(w3.ID, "cancel"), nil).Expect(t, http.StatusOK)
	f.Admin.Client.Get(t, fmt.Sprintf("/api/quota/reviews/list?kind=withdrawal&userId=%d&sortBy=id", f.Agent.ID)).
		Expect(t, http.StatusOK).Decode(t, &queue)
	if len(queue.Items) != 3 || queue.Items[0].WithdrawalID != w3.ID || queue.Items[0].Status != "rejected" {
		t.Fatalf("review of a cancelled withdrawal: %+v", queue.Items)
	}
	r = f.Admin.Client.Put(t, rpath(queue.Items[0].ID, "approve"), map[string]any{}).Expect(t, http.StatusConflict)
	if r.ErrorCode() != "INVALID_STATE" {
		t.Fatalf("approving a closed review: %s", r.Raw)
	}
	if b := balanceOf(t, f.Agent.ID); b.Available != 48_000 || b.Frozen != 0 {
		t.Fatalf("at the end: %+v", b)
	}
	checkLedger(t, f.Agent.ID)
}

func TestReviewIsTheSuperAdmins(t *testing.T) {
	f := newFamily(t)
	testkit.SetSettings(t, map[string]any{"quota.riskSingleOver": 1000})
	fund(t, f.Agent.ID, 5000)
	held := transfer(t, f.Agent, f.Agent2, 2000)
	for _, c := range []member{f.Agent, f.Boss} {
		c.Client.Get(t, "/api/quota/reviews/list").Expect(t, http.StatusForbidden)
		c.Client.Put(t, rpath(held.ReviewID, "approve"), map[string]any{}).Expect(t, http.StatusForbidden)
		c.Client.Put(t, rpath(held.ReviewID, "reject"), map[string]any{"note": "x"}).Expect(t, http.StatusForbidden)
	}
	f.Admin.Client.Put(t, rpath(1<<40, "approve"), map[string]any{}).Expect(t, http.StatusNotFound)
	if b := balanceOf(t, f.Agent.ID); b.Frozen != 2000 {
		t.Fatalf("refused decisions changed the account: %+v", b)
	}
}

func TestHeldTransferIdempotencyKey(t *testing.T) {
	f := newFamily(t)
	testkit.SetSettings(t, map[string]any{"quota.riskSingleOver": 1000})
	fund(t, f.Agent.ID, 5000)
	c := withKey(f.Agent.Client, testkit.UniqueName("tr-"))
	body := map[string]any{"toUsername": f.Agent2.Username, "amount": 2000}
	var a, b transferRes
	c.Post(t, "/api/quota/transfer", body).Expect(t, http.StatusOK).Decode(t, &a)
	c.Post(t, "/api/quota/transfer", body).Expect(t, http.StatusOK).Decode(t, &b)
	if a.ReviewID == 0 || a.ReviewID != b.ReviewID {
		t.Fatalf("retry of a held transfer: %+v then %+v", a, b)
	}
	r := c.Post(t, "/api/quota/transfer", map[string]any{"toUsername": f.Agent2.Username, "amount": 2001}).Expect(t, http.StatusConflict)
	if r.ErrorCode() != "IDEMPOTENCY_MISMATCH" {
		t.Fatalf("same key, other body: %s", r.Raw)
	}
	// Past the Redis record, the key kept on the reservation still finds the first review.
	ctx := idemkey.With(f.Agent.Ctx(context.Background()), testkit.UniqueName("gone-"))
	req := &v1.TransferReq{ToUsername: f.Agent2.Username, Amount: 1500}
	first, err := service.Quota().TransferByName(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	again, err := service.Quota().TransferByName(ctx, req)
	if err != nil || again.ReviewId != first.ReviewId || first.ReviewId == 0 {
		t.Fatalf("replay in the database: %+v, %v (first %+v)", again, err, first)
	}
	n, err := dao.QuotaReviews.Ctx(context.Background()).Where("user_id", f.Agent.ID).Count()
	if err != nil || n != 2 {
		t.Fatalf("%d reviews (%v)", n, err)
	}
	if got := balanceOf(t, f.Agent.ID); got.Available != 1500 || got.Frozen != 3500 {
		t.Fatalf("after the retries: %+v", got)
	}
	checkLedger(t, f.Agent.ID)
}
