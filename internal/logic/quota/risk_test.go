package quota_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"kami/internal/clock"
	"kami/internal/dao"
	"kami/internal/service"
	"kami/internal/testkit"
)

// fakeClock puts the ledger on a clock the test moves, and back on the system clock after.
func fakeClock(t *testing.T) *clock.Fake {
	t.Helper()
	c := clock.NewFake(time.Now())
	service.Quota().SetClock(c)
	t.Cleanup(func() { service.Quota().SetClock(clock.System) })
	return c
}

// rulesOf is the rules the review holds.
func rulesOf(t *testing.T, id int64) string {
	t.Helper()
	v, err := dao.QuotaReviews.Ctx(context.Background()).Fields("rules").WherePri(id).Value()
	if err != nil {
		t.Fatal(err)
	}
	return v.String()
}

func TestRiskRules(t *testing.T) {
	type step struct {
		op     string // transfer (Agent to Agent2), incoming (Agent2 to Agent), withdraw (Agent)
		amount int64
		wait   time.Duration // the clock moves this much before the step
		held   string        // the rules that hold it; "" = goes through
	}
	cases := []struct {
		name     string
		settings map[string]any
		steps    []step
	}{
		{"single", map[string]any{"quota.riskSingleOver": 3000}, []step{
			{op: "transfer", amount: 3000}, {op: "transfer", amount: 3001, held: "single"},
			{op: "withdraw", amount: 3000}, {op: "withdraw", amount: 3001, held: "single"},
		}},
		{"single off", map[string]any{"quota.riskSingleOver": 0}, []step{
			{op: "transfer", amount: 9000}, {op: "withdraw", amount: 9000},
		}},
		{"frequency", map[string]any{"quota.riskFrequentCount": 2, "quota.riskFrequentWindow": "10m"}, []step{
			{op: "transfer", amount: 100}, {op: "transfer", amount: 100, wait: time.Minute},
			{op: "transfer", amount: 100, wait: time.Minute, held: "frequency"},
			{op: "transfer", amount: 100, wait: 7 * time.Minute, held: "frequency"},
			// The first has left the window; the held ones still count (their reserves debit
			// the available part), so it stays full.
			{op: "transfer", amount: 100, wait: time.Minute + time.Second, held: "frequency"},
			{op: "transfer", amount: 100, wait: 20 * time.Minute},
			// Withdrawals are not counted as transfers.
			{op: "withdraw", amount: 100}, {op: "withdraw", amount: 100}, {op: "withdraw", amount: 100},
		}},
		{"after incoming", map[string]any{"quota.riskIncomingOver": 2000, "quota.riskIncomingWindow": "1h"}, []step{
			{op: "incoming", amount: 1999}, {op: "withdraw", amount: 100},
			{op: "incoming", amount: 2000, wait: time.Minute}, {op: "withdraw", amount: 100, wait: 59 * time.Minute, held: "afterIncoming"},
			// Transfers are not checked for it.
			{op: "transfer", amount: 100},
			{op: "withdraw", amount: 100, wait: time.Minute + time.Second},
		}},
		{"both", map[string]any{"quota.riskSingleOver": 5000, "quota.riskIncomingOver": 2000}, []step{
			{op: "incoming", amount: 2000}, {op: "withdraw", amount: 5001, held: "single,afterIncoming"},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFamily(t)
			clk := fakeClock(t)
			testkit.SetSettings(t, c.settings)
			testkit.SetSettings(t, map[string]any{"quota.minWithdrawal": 100, "quota.minTransfer": 100})
			fund(t, f.Agent.ID, 100_000)
			fund(t, f.Agent2.ID, 100_000)
			for i, s := range c.steps {
				clk.Advance(s.wait)
				var status string
				var reviewID int64
				switch s.op {
				case "transfer", "incoming":
					from, to := f.Agent, f.Agent2
					if s.op == "incoming" {
						from, to = f.Agent2, f.Agent
					}
					res := transfer(t, from, to, s.amount)
					status, reviewID = res.Status, res.ReviewID
				case "withdraw":
					w := withdraw(t, f.Agent.Client, s.amount)
					status = w.Status
					var rv struct{ Items []review }
					f.Admin.Client.Get(t, fmt.Sprintf("/api/quota/reviews/list?kind=withdrawal&userId=%d", f.Agent.ID)).
						Expect(t, http.StatusOK).Decode(t, &rv)
					if len(rv.Items) > 0 && rv.Items[0].WithdrawalID == w.ID {
						reviewID = rv.Items[0].ID
					}
				}
				held := status == "review"
				if held != (s.held != "") {
					t.Fatalf("step %d %+v: status %s", i, s, status)
				}
				if held {
					if reviewID == 0 {
						t.Fatalf("step %d: held without a review", i)
					}
					if got := rulesOf(t, reviewID); got != s.held {
						t.Fatalf("step %d: rules %q, want %q", i, got, s.held)
					}
				}
			}
			checkLedger(t, f.Agent.ID, f.Agent2.ID)
		})
	}
}

// A held transfer's unfrozen rest is the sender's own money coming back: it is no incoming
// transfer for the afterIncoming rule.
func TestRiskAfterIncomingIgnoresOwnRefunds(t *testing.T) {
	f := newFamily(t)
	testkit.SetSettings(t, map[string]any{"quota.riskSingleOver": 5000, "quota.riskIncomingOver": 2000,
		"quota.minWithdrawal": 100})
	fund(t, f.Agent.ID, 50_000)
	held := transfer(t, f.Agent, f.Agent2, 10_000)
	f.Admin.Client.Put(t, rpath(held.ReviewID, "approve"), map[string]any{"amount": 1000}).Expect(t, http.StatusOK)
	if w := withdraw(t, f.Agent.Client, 1000); w.Status != "pending" {
		t.Fatalf("withdrawal after a refund of 9000 was %s", w.Status)
	}
	// The recipient got 1000 (< 2000), so it may withdraw freely too; 2000 would hold it.
	if w := withdraw(t, f.Agent2.Client, 100); w.Status != "pending" {
		t.Fatalf("recipient's withdrawal was %s", w.Status)
	}
	checkLedger(t, f.Agent.ID, f.Agent2.ID)
}
