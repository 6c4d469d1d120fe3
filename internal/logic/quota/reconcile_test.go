package quota_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/dao"
	"kami/internal/service"
	"kami/internal/testkit"
)

type alertItem struct {
	ID       int64  `json:"id"`
	Kind     string `json:"kind"`
	UserID   int64  `json:"userId"`
	Bucket   string `json:"bucket"`
	Expected int64  `json:"expected"`
	Actual   int64  `json:"actual"`
}

// alertsAbove is every alert newer than id, as the super-admin lists them.
func alertsAbove(t *testing.T, cl *testkit.Client, id int64) []alertItem {
	t.Helper()
	var out []alertItem
	for page := 1; ; page++ {
		var res struct {
			Items []alertItem `json:"items"`
		}
		cl.Get(t, fmt.Sprintf("/api/quota/alerts/list?pageSize=100&page=%d", page)).Expect(t, http.StatusOK).Decode(t, &res)
		for _, a := range res.Items {
			if a.ID <= id {
				return out
			}
			out = append(out, a)
		}
		if len(res.Items) < 100 {
			return out
		}
	}
}

func lastAlert(t *testing.T, cl *testkit.Client) int64 {
	t.Helper()
	var res struct {
		Items []alertItem `json:"items"`
	}
	cl.Get(t, "/api/quota/alerts/list?pageSize=1").Expect(t, http.StatusOK).Decode(t, &res)
	if len(res.Items) == 0 {
		return 0
	}
	return res.Items[0].ID
}

// corrupt changes an account row behind the ledger's back, as a bug would, and undoes it when
// the test ends (other tests of the package check the whole ledger).
func corrupt(t *testing.T, userID int64, col string, by int64) {
	t.Helper()
	shift := func(d int64) {
		if _, err := dao.QuotaAccounts.Ctx(context.Background()).Where("user_id", userID).
			Data(col, gdb.Raw(fmt.Sprintf("%s + (%d)", col, d))).Update(); err != nil {
			t.Fatal(err)
		}
	}
	shift(by)
	t.Cleanup(func() { shift(-by) })
}

// The reconciliation job finds an account that differs from its entries: an alert row per
// differing part, listed for the super-admin, and one notice in the super-admins' inbox.
// Other tests write the ledger meanwhile, so it looks for this account's alerts, not a count.
func TestReconcileRaisesAnAlertForACorruptedAccount(t *testing.T) {
	f := newFamily(t)
	fund(t, f.Agent.ID, 1000)
	fund(t, f.Agent2.ID, 500)
	since := lastAlert(t, f.Admin.Client)
	corrupt(t, f.Agent.ID, "available", 7)
	corrupt(t, f.Agent.ID, "frozen", 3)

	run := f.Admin.Client.RunJob(t, "quota.reconcile")
	if run.Status != "success" || run.Items < 2 {
		t.Fatalf("run %+v: want success with at least the two differences", run)
	}
	mine := map[string]alertItem{}
	for _, a := range alertsAbove(t, f.Admin.Client, since) {
		switch a.UserID {
		case f.Agent.ID:
			mine[a.Bucket] = a
		case f.Agent2.ID, f.Boss.ID:
			t.Errorf("an alert for a clean account: %+v", a)
		}
		if a.Kind == "global" {
			t.Errorf("the ledger still sums to zero: %+v", a)
		}
	}
	if a := mine["available"]; len(mine) != 2 || a.Kind != "account" || a.Expected != 1000 || a.Actual != 1007 {
		t.Fatalf("alerts of the corrupted account: %+v", mine)
	}
	if a := mine["frozen"]; a.Expected != 0 || a.Actual != 3 {
		t.Fatalf("frozen alert %+v", a)
	}

	// One notice for the account (not one per part), in the super-admin's inbox.
	var inbox struct {
		Items []struct {
			Kind    string `json:"kind"`
			Title   string `json:"title"`
			Content string `json:"content"`
			Ref     *struct {
				Type string `json:"type"`
			} `json:"ref"`
		} `json:"items"`
	}
	admin := *f.Admin.Client
	admin.Lang = "en"
	admin.Get(t, "/api/notifications/list?pageSize=100").Expect(t, http.StatusOK).Decode(t, &inbox)
	found := 0
	for _, n := range inbox.Items {
		if n.Kind == "quota.alert" && strings.Contains(n.Title, f.Agent.Username) {
			found++
			if !strings.Contains(n.Content, "10.07 yuan available") || !strings.Contains(n.Content, "sum to 10.00 and 0.00") ||
				n.Ref == nil || n.Ref.Type != "quota.alert" {
				t.Errorf("notice %+v", n)
			}
		}
	}
	if found != 1 {
		t.Fatalf("%d notices about %s in the super-admin's inbox, want 1: %+v", found, f.Agent.Username, inbox.Items)
	}

	// The alerts are the super-admin's: an agent-admin's call is refused.
	f.Boss.Client.Get(t, "/api/quota/alerts/list").Expect(t, http.StatusForbidden)
}

// A clean ledger raises nothing: the same job over accounts that all match their entries.
func TestReconcileCleanLedgerRaisesNothing(t *testing.T) {
	f := newFamily(t)
	testkit.SetSettings(t, map[string]any{"quota.minTransfer": 1})
	fund(t, f.Boss.ID, 2000)
	f.Boss.Client.Post(t, "/api/quota/recharge", map[string]any{"userId": f.Agent.ID, "amount": 800}).Expect(t, http.StatusOK)
	f.Agent.Client.Post(t, "/api/quota/transfer", map[string]any{"toUsername": f.Agent2.Username, "amount": 300}).Expect(t, http.StatusOK)
	since := lastAlert(t, f.Admin.Client)

	run := f.Admin.Client.RunJob(t, "quota.reconcile")
	if run.Status != "success" {
		t.Fatalf("run %+v", run)
	}
	for _, a := range alertsAbove(t, f.Admin.Client, since) {
		if a.Kind == "global" || a.UserID == f.Boss.ID || a.UserID == f.Agent.ID || a.UserID == f.Agent2.ID {
			t.Errorf("alert on a clean ledger: %+v", a)
		}
	}
	checkLedger(t, f.Boss.ID, f.Agent.ID, f.Agent2.ID)
}

// The job is registered with its nightly schedule and can be run from the jobs API.
func TestReconcileJobIsRegistered(t *testing.T) {
	var res struct {
		Items []struct {
			Name     string `json:"name"`
			Schedule string `json:"defaultSchedule"`
		} `json:"items"`
	}
	testkit.Current().Admin(t).Get(t, "/api/system/job/list").Expect(t, http.StatusOK).Decode(t, &res)
	for _, j := range res.Items {
		if j.Name == "quota.reconcile" {
			if j.Schedule != "0 30 3 * * *" {
				t.Fatalf("schedule %q", j.Schedule)
			}
			return
		}
	}
	t.Fatalf("quota.reconcile not among %+v", res.Items)
}

// Reconciling while transfers run finds nothing: each batch reads the balances and their
// entries in one transaction (one snapshot), and the ledger writes both in one transaction, so
// a movement is seen whole or not at all.
func TestReconcileDuringTransfersRaisesNothing(t *testing.T) {
	f := newFamily(t)
	testkit.SetSettings(t, map[string]any{"quota.minTransfer": 1})
	fund(t, f.Agent.ID, 10_000)
	fund(t, f.Agent2.ID, 10_000)
	since := lastAlert(t, f.Admin.Client)

	const workers, each = 4, 25
	errc := make(chan error, workers)
	for w := 0; w < workers; w++ {
		from, to := f.Agent, f.Agent2
		if w%2 == 1 {
			from, to = to, from
		}
		go func() {
			for i := 0; i < each; i++ {
				r, err := from.Client.DoErr(http.MethodPost, "/api/quota/transfer", map[string]any{"toUsername": to.Username, "amount": 1 + i})
				if err == nil && r.Status != http.StatusOK {
					err = fmt.Errorf("transfer: %d %s", r.Status, r.Raw)
				}
				if err != nil {
					errc <- err
					return
				}
			}
			errc <- nil
		}()
	}
	// Reconcile back to back until the transfers are done (bounded, the machine is shared).
	runs, done := 0, 0
	for done < workers {
		if runs < 200 {
			if _, err := service.Quota().Reconcile(context.Background()); err != nil {
				t.Fatal(err)
			}
			runs++
		}
		select {
		case err := <-errc:
			if err != nil {
				t.Fatal(err)
			}
			done++
		default:
			if runs >= 200 {
				if err := <-errc; err != nil {
					t.Fatal(err)
				}
				done++
			}
		}
	}
	for _, a := range alertsAbove(t, f.Admin.Client, since) {
		if a.Kind == "global" || a.UserID == f.Agent.ID || a.UserID == f.Agent2.ID {
			t.Errorf("alert while transfers ran: %+v", a)
		}
	}
	t.Logf("%d reconciliations during %d transfers", runs, workers*each)
	checkLedger(t, f.Agent.ID, f.Agent2.ID)
}
