package quota_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kami/internal/config"
	"kami/internal/listq/listqtest"
	"kami/internal/model"
	"kami/internal/service"
	"kami/internal/testkit"
)

type ledgerItem struct {
	ID             int64  `json:"id"`
	MovementID     int64  `json:"movementId"`
	UserID         int64  `json:"userId"`
	Username       string `json:"username"`
	Bucket         string `json:"bucket"`
	Amount         int64  `json:"amount"`
	BalanceAfter   int64  `json:"balanceAfter"`
	Type           string `json:"type"`
	CounterpartyID int64  `json:"counterpartyId"`
	Counterparty   string `json:"counterparty"`
	OperatorID     int64  `json:"operatorId"`
	Operator       string `json:"operator"`
	Ref            string `json:"ref"`
	Remark         string `json:"remark"`
	CreatedAt      string `json:"createdAt"`
}

// ledger is every entry cl sees with the query (up to 100, which these tests stay under).
func ledger(t *testing.T, cl *testkit.Client, query string) []ledgerItem {
	t.Helper()
	var page struct {
		Items []ledgerItem `json:"items"`
		Total int          `json:"total"`
	}
	cl.Get(t, "/api/quota/ledger/list?pageSize=100&"+query).Expect(t, http.StatusOK).Decode(t, &page)
	if page.Total != len(page.Items) {
		t.Fatalf("%s: %d items of %d", query, len(page.Items), page.Total)
	}
	return page.Items
}

// credit is a system credit through the Go API under a reference the test can filter on.
func credit(t *testing.T, userID, amount int64, ref string) {
	t.Helper()
	if _, err := service.Quota().Credit(context.Background(), nil, model.QuotaMove{
		UserID: userID, Amount: amount, Type: model.QuotaTypeSystemRecharge, Ref: ref}); err != nil {
		t.Fatal(err)
	}
}

// ledgerWorld is two agent-admin families with movements of every kind the HTTP routes make.
type ledgerWorld struct {
	f, other family
}

func newLedgerWorld(t *testing.T) ledgerWorld {
	t.Helper()
	testkit.SetSettings(t, map[string]any{"quota.minTransfer": 1})
	w := ledgerWorld{f: newFamily(t), other: newFamily(t)}
	// The super-admin's recharge of Boss: entries of the system account and Boss.
	w.f.Admin.Client.Post(t, "/api/quota/recharge", map[string]any{"userId": w.f.Boss.ID, "amount": 10_000, "remark": "seed"}).
		Expect(t, http.StatusOK)
	// Boss recharges Agent from its own quota; Agent transfers some on to Agent2.
	w.f.Boss.Client.Post(t, "/api/quota/recharge", map[string]any{"userId": w.f.Agent.ID, "amount": 3000}).Expect(t, http.StatusOK)
	w.f.Agent.Client.Post(t, "/api/quota/transfer", map[string]any{"toUsername": w.f.Agent2.Username, "amount": 500}).
		Expect(t, http.StatusOK)
	// The other family moves quota too: nobody in f may see it.
	w.other.Admin.Client.Post(t, "/api/quota/recharge", map[string]any{"userId": w.other.Boss.ID, "amount": 700}).
		Expect(t, http.StatusOK)
	w.other.Boss.Client.Post(t, "/api/quota/recharge", map[string]any{"userId": w.other.Agent.ID, "amount": 200}).
		Expect(t, http.StatusOK)
	return w
}

func users(items []ledgerItem) map[int64]int {
	out := map[int64]int{}
	for _, it := range items {
		out[it.UserID]++
	}
	return out
}

// Each role sees the entries of its scope: an agent its own, an agent-admin its subtree's
// (never the system account's), the super-admin all of them, system account included.
func TestLedgerListIsScopedPerRole(t *testing.T) {
	w := newLedgerWorld(t)
	f := w.f
	refBoss, refAgent := "user:"+strconv.FormatInt(f.Boss.ID, 10), "user:"+strconv.FormatInt(f.Agent.ID, 10)

	t.Run("agent: its own entries only", func(t *testing.T) {
		got := ledger(t, f.Agent.Client, "")
		if u := users(got); len(u) != 1 || u[f.Agent.ID] != 2 {
			t.Fatalf("agent sees entries of %v, want its own two", u)
		}
		// Another user's id as a filter narrows nothing open: still only its own, here none.
		if got := ledger(t, f.Agent.Client, fmt.Sprintf("userId=%d", f.Agent2.ID)); len(got) != 0 {
			t.Fatalf("agent filtering on another user sees %v", users(got))
		}
	})
	t.Run("agent-admin: its subtree, no system account", func(t *testing.T) {
		u := users(ledger(t, f.Boss.Client, ""))
		want := map[int64]int{f.Boss.ID: 2, f.Agent.ID: 2, f.Agent2.ID: 1}
		if fmt.Sprint(u) != fmt.Sprint(want) {
			t.Fatalf("agent-admin sees %v, want %v", u, want)
		}
		if got := ledger(t, f.Boss.Client, "ref="+url.QueryEscape(refBoss)); len(got) != 1 || got[0].UserID != f.Boss.ID {
			t.Fatalf("agent-admin's own recharge: %+v (the system's leg is not its to see)", got)
		}
		if got := ledger(t, f.Boss.Client, fmt.Sprintf("userId=%d", w.other.Agent.ID)); len(got) != 0 {
			t.Fatalf("another agent-admin's agent's entries leaked: %+v", got)
		}
	})
	t.Run("super-admin: everything, the system account too", func(t *testing.T) {
		got := ledger(t, f.Admin.Client, "ref="+url.QueryEscape(refBoss))
		if u := users(got); len(got) != 2 || u[f.Boss.ID] != 1 || u[model.SystemAccount] != 1 {
			t.Fatalf("super-admin sees %+v", got)
		}
		for _, it := range got {
			if it.Type != model.QuotaTypeSystemRecharge || it.Remark != "seed" || it.Operator != "admin" || it.OperatorID != f.Admin.ID {
				t.Errorf("entry %+v", it)
			}
			switch it.UserID {
			case model.SystemAccount:
				if it.Amount != -10_000 || it.Username != "系统" || it.CounterpartyID != f.Boss.ID || it.Counterparty != f.Boss.Username {
					t.Errorf("system leg %+v", it)
				}
			case f.Boss.ID:
				if it.Amount != 10_000 || it.BalanceAfter != 10_000 || it.Username != f.Boss.Username || it.Counterparty != "系统" {
					t.Errorf("Boss's leg %+v", it)
				}
			}
		}
		if got := ledger(t, f.Admin.Client, fmt.Sprintf("userId=%d", w.other.Agent.ID)); len(got) != 1 || got[0].Amount != 200 {
			t.Fatalf("super-admin on the other family's agent: %+v", got)
		}
	})
	t.Run("names and balances on the agent-admin's recharge", func(t *testing.T) {
		got := ledger(t, f.Boss.Client, "ref="+url.QueryEscape(refAgent))
		if len(got) != 2 || got[0].MovementID != got[1].MovementID || got[0].Amount+got[1].Amount != 0 {
			t.Fatalf("one movement of two legs summing to zero: %+v", got)
		}
		for _, it := range got {
			if it.Type != model.QuotaTypeRecharge || it.Operator != f.Boss.Username {
				t.Errorf("entry %+v", it)
			}
			if it.UserID == f.Boss.ID && (it.Amount != -3000 || it.BalanceAfter != 7000 || it.Counterparty != f.Agent.Username) {
				t.Errorf("Boss's leg %+v", it)
			}
			if _, err := time.Parse(time.RFC3339, it.CreatedAt); err != nil || !strings.HasSuffix(it.CreatedAt, "+08:00") {
				t.Errorf("createdAt %q: want RFC 3339 in the display zone", it.CreatedAt)
			}
		}
	})
	checkLedger(t, f.Boss.ID, f.Agent.ID, f.Agent2.ID, w.other.Boss.ID, w.other.Agent.ID)
}

func TestLedgerListFilters(t *testing.T) {
	w := newLedgerWorld(t)
	f := w.f
	now := time.Now()
	cases := []struct {
		name  string
		query string
		want  int // entries Boss sees
	}{
		{"everything", "", 5},
		{"type", "type=transfer", 2},
		{"type and user", fmt.Sprintf("type=transfer&userId=%d", f.Agent.ID), 1},
		{"bucket available", "bucket=available", 5},
		{"bucket frozen", "bucket=frozen", 0},
		{"ref", "ref=" + url.QueryEscape("user:"+strconv.FormatInt(f.Agent.ID, 10)), 2},
		{"from the past", "from=" + url.QueryEscape(now.Add(-time.Hour).Format(time.RFC3339)), 5},
		{"from the future", "from=" + url.QueryEscape(now.Add(time.Hour).Format(time.RFC3339)), 0},
		{"to the past", "to=" + url.QueryEscape(now.Add(-time.Hour).Format(time.RFC3339)), 0},
		{"a window around now", "from=" + url.QueryEscape(now.Add(-time.Hour).Format(time.RFC3339)) +
			"&to=" + url.QueryEscape(now.Add(time.Hour).UTC().Format(time.RFC3339)), 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := ledger(t, f.Boss.Client, c.query); len(got) != c.want {
				t.Fatalf("%d entries, want %d: %v", len(got), c.want, users(got))
			}
		})
	}
	for _, q := range []string{"from=yesterday", "to=2026-13-01T00:00:00Z"} {
		t.Run(q, func(t *testing.T) {
			r := f.Boss.Client.Get(t, "/api/quota/ledger/list?"+q).Expect(t, http.StatusBadRequest)
			if r.ErrorCode() != "TIME_INVALID" {
				t.Fatalf("%s", r.Raw)
			}
		})
	}
	if r := f.Boss.Client.Get(t, "/api/quota/ledger/list?bucket=elsewhere").Expect(t, http.StatusBadRequest); r.ErrorCode() != "INVALID_INPUT" {
		t.Fatalf("unknown bucket: %s", r.Raw)
	}
}

// The ledger follows the one list contract: id newest first by default, amount and createdAt
// sortable both ways, other names refused, paging bounds.
func TestLedgerListSortContract(t *testing.T) {
	f := newFamily(t)
	ref := testkit.UniqueName("sort")
	for _, amount := range []int64{300, 100, 400, 200} {
		credit(t, f.Agent.ID, amount, ref)
	}
	listqtest.Check(t, f.Admin.Client, listqtest.List{
		Path:   "/api/quota/ledger/list?ref=" + ref,
		Fields: map[string]listqtest.Order{"id": listqtest.Desc, "amount": listqtest.Desc, "createdAt": listqtest.Desc},
	})
}

// openXLSX checks the download headers and returns the sheet's cells as text.
func openXLSX(t *testing.T, r *testkit.Resp) (*excelize.File, [][]string) {
	t.Helper()
	r.Expect(t, http.StatusOK)
	if ct := r.Header.Get("Content-Type"); !strings.Contains(ct, "spreadsheetml") {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := r.Header.Get("Content-Disposition"); !strings.Contains(cd, "quota-ledger-") || !strings.Contains(cd, ".xlsx") {
		t.Errorf("Content-Disposition %q", cd)
	}
	f, err := excelize.OpenReader(bytes.NewReader(r.Raw))
	if err != nil {
		t.Fatalf("not an xlsx (%d bytes): %v", len(r.Raw), err)
	}
	t.Cleanup(func() { _ = f.Close() })
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	return f, rows
}

// The export has every entry of the filtered ledger (more than one keyset batch), scoped
// like the list, amounts as numbers with yuan beside them, headers in the reader's language.
func TestLedgerExport(t *testing.T) {
	w := newLedgerWorld(t)
	f := w.f
	ref := testkit.UniqueName("exp")
	const credits = 520 // 1040 entries: more than one batch of 1000
	for i := 0; i < credits; i++ {
		credit(t, f.Agent2.ID, int64(100+i), ref)
	}
	t.Run("every row, newest first, across batches", func(t *testing.T) {
		admin := *f.Admin.Client
		admin.Lang = "en"
		x, rows := openXLSX(t, admin.Get(t, "/api/quota/ledger/export?ref="+ref))
		if len(rows) != 2*credits+1 {
			t.Fatalf("%d rows, want %d + header", len(rows), 2*credits)
		}
		if h := rows[0]; h[0] != "Entry ID" || h[1] != "Time" || h[6] != "Amount (units)" || h[7] != "Amount (yuan)" {
			t.Fatalf("header %v", h)
		}
		seen := map[string]bool{}
		var sum int64
		prev := int64(1 << 62)
		for i, row := range rows[1:] {
			id, _ := strconv.ParseInt(row[0], 10, 64)
			if id >= prev || seen[row[0]] {
				t.Fatalf("row %d: id %d after %d", i+1, id, prev)
			}
			prev, seen[row[0]] = id, true
			amount, err := strconv.ParseInt(row[6], 10, 64)
			if err != nil {
				t.Fatalf("amount %q", row[6])
			}
			sum += amount
		}
		if sum != 0 {
			t.Fatalf("the exported legs sum to %d", sum)
		}
		// The amount cell is a number, not text that looks like one.
		if typ, err := x.GetCellType(x.GetSheetName(0), "G2"); err != nil || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Fatalf("amount cell type %v (%v)", typ, err)
		}
	})
	t.Run("scoped like the list, in Chinese by default", func(t *testing.T) {
		_, rows := openXLSX(t, f.Boss.Client.Get(t, "/api/quota/ledger/export?ref="+url.QueryEscape("user:"+strconv.FormatInt(f.Boss.ID, 10))))
		if len(rows) != 2 || rows[0][0] != "流水ID" || rows[0][7] != "金额(元)" {
			t.Fatalf("agent-admin's export of its recharge: %v", rows)
		}
		r := rows[1]
		if r[3] != strconv.FormatInt(f.Boss.ID, 10) || r[4] != f.Boss.Username || r[5] != "可用" || r[6] != "10000" ||
			r[7] != "100.00" || r[8] != "10000" || r[9] != "100.00" || r[10] != model.QuotaTypeSystemRecharge || r[12] != "系统" || r[14] != "admin" {
			t.Fatalf("row %v", r)
		}
		_, agentRows := openXLSX(t, f.Agent.Client.Get(t, "/api/quota/ledger/export"))
		if len(agentRows) != 3 {
			t.Fatalf("agent's export: %d rows, want its 2 entries + header", len(agentRows))
		}
	})
	t.Run("refused above the export limit", func(t *testing.T) {
		testkit.SetConfig(t, func(c *config.Config) { c.ExportMaxRows = 10 })
		r := f.Admin.Client.Get(t, "/api/quota/ledger/export?ref="+ref).Expect(t, http.StatusBadRequest)
		if r.ErrorCode() != "EXPORT_TOO_LARGE" {
			t.Fatalf("%s", r.Raw)
		}
	})
	t.Run("bad filter", func(t *testing.T) {
		if r := f.Boss.Client.Get(t, "/api/quota/ledger/export?from=soon").Expect(t, http.StatusBadRequest); r.ErrorCode() != "TIME_INVALID" {
			t.Fatalf("%s", r.Raw)
		}
	})
}
