package derp_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

// onlyIntegers fails unless every number in the JSON data is an integer (§11: no floats, no
// strings for money).
func onlyIntegers(t *testing.T, raw json.RawMessage) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case json.Number:
			if _, err := x.Int64(); err != nil {
				t.Errorf("%s = %s is not an integer", path, x)
			}
		case map[string]any:
			for k, e := range x {
				walk(path+"."+k, e)
			}
		case []any:
			for _, e := range x {
				walk(path+"[]", e)
			}
		}
	}
	walk("data", v)
}

func summary(t *testing.T, c *testkit.Client, month string) v1.FinanceSummaryRes {
	t.Helper()
	r := c.Get(t, "/api/derp/finance/summary?month="+month).Expect(t, http.StatusOK)
	onlyIntegers(t, r.Data)
	var s v1.FinanceSummaryRes
	r.Decode(t, &s)
	return s
}

func distributors(t *testing.T, c *testkit.Client, month string) map[int64]v1.FinanceDistributorItem {
	t.Helper()
	r := c.Get(t, "/api/derp/finance/distributors/list?pageSize=100&month="+month).Expect(t, http.StatusOK)
	onlyIntegers(t, r.Data)
	var l v1.FinanceDistributorListRes
	r.Decode(t, &l)
	out := map[int64]v1.FinanceDistributorItem{}
	for _, it := range l.Items {
		out[it.UserId] = it
	}
	return out
}

func planCount(s v1.FinanceSummaryRes, plan int64, kind, pay string) int64 {
	for _, p := range s.PlanCounts {
		if p.PlanId == plan && p.Kind == kind && p.PayMethod == pay {
			return p.Count
		}
	}
	return 0
}

// ledgerCommission sums the commission entries of every distributor straight from the ledger.
func ledgerCommission(t *testing.T) int64 {
	t.Helper()
	var rows []entity.QuotaEntries
	if err := dao.QuotaEntries.Ctx(context.Background()).WhereIn("type", []string{"derp_commission", "derp_commission_refund"}).
		WhereGT("user_id", 0).Where("bucket", "available").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	var sum int64
	for _, r := range rows {
		sum += r.Amount
	}
	return sum
}

// orderRevenue sums amount − refunded of the collected orders straight from the order rows.
func orderRevenue(t *testing.T) int64 {
	t.Helper()
	var rows []entity.DerpOrders
	if err := dao.DerpOrders.Ctx(context.Background()).WhereIn("status", []string{"completed", "refunded"}).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	var sum int64
	for _, r := range rows {
		sum += r.Amount - r.Refunded
	}
	return sum
}

// §11, §14.10: across an Asia/Shanghai month boundary (23:30 on the 31st is 15:30 UTC, still the
// same UTC day an hour later), the summary and the distributor figures of each month are exactly
// the test's own purchases, balance orders, commission and refunds; every figure is an integer;
// the super-admin's totals equal the ledger's commission entries and the orders' sums.
func TestFinance(t *testing.T) {
	clk := testkit.SharedClock{}
	start := time.Date(2030, 1, 31, 23, 30, 0, 0, time.FixedZone("CST", 8*3600))
	clk.Freeze(t, start)
	t.Cleanup(func() { clk.Release(t) })
	w := newWorld(t)
	onlyServers(t, 3)
	tier(t, w, w.Agent.ID, "platinum")
	tier(t, w, w.Boss.ID, "gold")
	pSerial := sellablePlan(t, w, 1000, 30)
	pBalance := sellablePlan(t, w, 1003, 30)
	recharge(t, w, w.Agent.ID, 2000)
	recharge(t, w, w.Member.ID, 5000)

	// January: the agent buys 2 serials (2·850), the member activates (1003) and renews (1003)
	// by balance (150 commission each), 500 of the renewal is refunded (75 taken back); the
	// boss orders 3 serials offline.
	var bought v1.OrderItem
	w.Agent.C.Post(t, "/api/derp/serial-orders", map[string]any{"planId": pSerial, "count": 2, "payMethod": "balance"}).
		Expect(t, http.StatusOK).Decode(t, &bought)
	d := activateBalance(t, w, pBalance)
	renewal := renewBalance(t, w, d.Id, pBalance)
	w.Admin.C.Put(t, "/api/derp/orders/"+itoa(renewal.Id)+"/refund", map[string]any{"amount": 500}).Expect(t, http.StatusOK)
	var offline v1.OrderItem
	w.Boss.C.Post(t, "/api/derp/serial-orders", map[string]any{"planId": pSerial, "count": 3, "payMethod": "offline"}).
		Expect(t, http.StatusOK).Decode(t, &offline)
	jan := summary(t, w.Boss.C, "2030-01")
	if jan.Orders.PendingReview != 1 {
		t.Fatalf("January pending %+v", jan.Orders)
	}

	// February (an hour later): a serial activation (amount 0), a balance renewal (150), and
	// the boss's offline order approved at 777.
	clk.Advance(t, time.Hour)
	w = relogin(t, w)
	var second v1.RentalDetail
	w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"serial": bought.Codes[0]}).
		Expect(t, http.StatusOK).Decode(t, &second)
	renewBalance(t, w, d.Id, pBalance)
	w.Admin.C.Put(t, "/api/derp/serial-orders/"+itoa(offline.Id)+"/approve", map[string]any{"amount": 777}).
		Expect(t, http.StatusOK)

	for _, c := range []struct {
		who  string
		cl   *testkit.Client
		rest int64 // the boss's own offline purchase, outside the agent's scope
	}{{"AA", w.Boss.C, 777}, {"A", w.Agent.C, 0}} {
		jan, feb := summary(t, c.cl, "2030-01"), summary(t, c.cl, "2030-02")
		if jan.Month != "2030-01" || jan.RevenueMonth != 1700+1003+1003-500 || jan.CommissionMonth != 150+150-75 {
			t.Errorf("%s January %+v", c.who, jan)
		}
		if feb.RevenueMonth != 1003+c.rest || feb.CommissionMonth != 150 {
			t.Errorf("%s February %+v", c.who, feb)
		}
		if feb.RevenueTotal != 1700+1003+1003-500+1003+c.rest || feb.CommissionTotal != 375 || jan.CommissionTotal != 375 {
			t.Errorf("%s totals %+v", c.who, feb)
		}
		if planCount(jan, pBalance, "new", "balance") != 1 || planCount(jan, pBalance, "renew", "balance") != 1 ||
			planCount(feb, pSerial, "new", "serial") != 1 || planCount(feb, pBalance, "renew", "balance") != 1 ||
			len(jan.PlanCounts) != 2 || len(feb.PlanCounts) != 2 {
			t.Errorf("%s plan counts %+v / %+v", c.who, jan.PlanCounts, feb.PlanCounts)
		}
		// January placed: the purchase, the activation, the renewal (refunded) and the boss's
		// order (now completed); February: the serial activation and the renewal.
		wantJan := v1.FinanceOrderCounts{Completed: 2, Renewed: 1, Refunded: 1}
		if c.rest != 0 {
			wantJan.Completed = 3
		}
		if jan.Orders != wantJan || feb.Orders != (v1.FinanceOrderCounts{Completed: 2, Renewed: 1}) {
			t.Errorf("%s order counts %+v / %+v", c.who, jan.Orders, feb.Orders)
		}
		wantSerials := v1.FinanceSerialCounts{Unused: 1, Used: 1}
		if c.rest != 0 {
			wantSerials.Unused = 4
		}
		if feb.Serials != wantSerials {
			t.Errorf("%s serials %+v", c.who, feb.Serials)
		}
		m := balanceOf(t, w, w.Member.ID)
		if feb.PrepaidCustomers != m.Available+m.Frozen || m.Available != 5000-3*1003+500 {
			t.Errorf("%s prepaid customers %d, member %+v", c.who, feb.PrepaidCustomers, m)
		}
		a, b := balanceOf(t, w, w.Agent.ID), balanceOf(t, w, w.Boss.ID)
		want := a.Available + a.Frozen
		if c.rest != 0 {
			want += b.Available + b.Frozen
		}
		if feb.PrepaidDistributors != want || a.Available != 2000-1700+375 {
			t.Errorf("%s prepaid distributors %d, agent %+v boss %+v", c.who, feb.PrepaidDistributors, a, b)
		}
	}

	ds := distributors(t, w.Boss.C, "2030-01")
	if len(ds) != 2 {
		t.Fatalf("boss sees distributors %+v", ds)
	}
	if ag := ds[w.Agent.ID]; ag.Username != w.Agent.Username || ag.Tier != "platinum" || ag.PurchaseMonth != 1700 ||
		ag.PurchaseTotal != 1700 || ag.CommissionMonth != 225 || ag.CommissionTotal != 375 || ag.Customers != 1 ||
		ag.ActiveRentals != 2 || ag.SerialsUnused != 1 || ag.SerialsUsed != 1 || ag.SerialsExpired != 0 {
		t.Errorf("agent figures %+v", ag)
	}
	if bo := ds[w.Boss.ID]; bo.Tier != "gold" || bo.PurchaseMonth != 0 || bo.PurchaseTotal != 777 || bo.CommissionTotal != 0 ||
		bo.Customers != 0 || bo.SerialsUnused != 3 {
		t.Errorf("boss figures %+v", bo)
	}
	if feb := distributors(t, w.Boss.C, "2030-02"); feb[w.Boss.ID].PurchaseMonth != 777 || feb[w.Agent.ID].CommissionMonth != 150 {
		t.Errorf("February distributors %+v", feb)
	}
	if own := distributors(t, w.Agent.C, "2030-01"); len(own) != 1 || own[w.Agent.ID].UserId != w.Agent.ID {
		t.Errorf("the agent sees %+v", own)
	}

	// The super-admin's totals are the ledger's and the orders' own sums.
	all := summary(t, w.Admin.C, "")
	if all.CommissionTotal != ledgerCommission(t) || all.RevenueTotal != orderRevenue(t) {
		t.Errorf("S totals %d/%d, ledger %d, orders %d", all.CommissionTotal, all.RevenueTotal, ledgerCommission(t), orderRevenue(t))
	}
	if all.Month != "2030-02" {
		t.Errorf("current month %q", all.Month)
	}

	// Access and input.
	w.Member.C.Get(t, "/api/derp/finance/summary").Expect(t, http.StatusForbidden)
	w.Member.C.Get(t, "/api/derp/finance/distributors/list").Expect(t, http.StatusForbidden)
	w.Member.C.Get(t, "/api/derp/orders/list").Expect(t, http.StatusForbidden)
	testClient().Get(t, "/api/derp/finance/summary").Expect(t, http.StatusUnauthorized)
	expectReason(t, w.Admin.C.Get(t, "/api/derp/finance/summary?month=2030-13"), http.StatusBadRequest, "INVALID_INPUT")
	w.Admin.C.Get(t, "/api/derp/finance/summary?month=jan").Expect(t, http.StatusBadRequest)
}

// The orders list is scoped and filtered; /me/orders is the member's own, and 403 for staff.
func TestOrderLists(t *testing.T) {
	w := newWorld(t)
	onlyServers(t, 3)
	tier(t, w, w.Agent.ID, "platinum")
	plan := sellablePlan(t, w, 300, 30)
	recharge(t, w, w.Member.ID, 1000)
	d := activateBalance(t, w, plan)
	renewBalance(t, w, d.Id, plan)
	other := newWorld(t)
	var l v1.OrderListRes
	for _, c := range []*testkit.Client{w.Admin.C, w.Boss.C, w.Agent.C} {
		c.Get(t, "/api/derp/orders/list?customerId="+itoa(w.Member.ID)).Expect(t, http.StatusOK).Decode(t, &l)
		if l.Total != 2 {
			t.Fatalf("orders seen %+v", l)
		}
	}
	other.Agent.C.Get(t, "/api/derp/orders/list?customerId="+itoa(w.Member.ID)).Expect(t, http.StatusOK).Decode(t, &l)
	other.Boss.C.Get(t, "/api/derp/orders/list?distributorId="+itoa(w.Agent.ID)).Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 0 {
		t.Fatalf("another subtree sees %+v", l)
	}
	w.Agent.C.Get(t, "/api/derp/orders/list?kind=rental_renew&status=completed&customerId="+itoa(w.Member.ID)).
		Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 1 || l.Items[0].Kind != "rental_renew" {
		t.Fatalf("filtered %+v", l)
	}
	from := url(time.Now().Add(time.Hour))
	w.Agent.C.Get(t, "/api/derp/orders/list?customerId="+itoa(w.Member.ID)+"&from="+from).Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 0 {
		t.Fatalf("from the future %+v", l)
	}
	expectReason(t, w.Agent.C.Get(t, "/api/derp/orders/list?from=yesterday"), http.StatusBadRequest, "TIME_INVALID")
	w.Agent.C.Get(t, "/api/derp/orders/list?kind=bogus").Expect(t, http.StatusBadRequest)

	var mine v1.MeOrderListRes
	w.Member.C.Get(t, "/api/derp/me/orders/list").Expect(t, http.StatusOK).Decode(t, &mine)
	if mine.Total != 2 || mine.Items[0].BuyerId != w.Member.ID || mine.Items[0].PlanName == "" {
		t.Fatalf("mine %+v", mine)
	}
	other.Member.C.Get(t, "/api/derp/me/orders/list").Expect(t, http.StatusOK).Decode(t, &mine)
	if mine.Total != 0 {
		t.Fatalf("another member sees %+v", mine)
	}
	for _, c := range []*testkit.Client{w.Admin.C, w.Boss.C, w.Agent.C} {
		expectReason(t, c.Get(t, "/api/derp/me/orders/list"), http.StatusForbidden, "DERP_NOT_CUSTOMER")
	}
	testClient().Get(t, "/api/derp/me/orders/list").Expect(t, http.StatusUnauthorized)
}

func url(t time.Time) string { return strings.ReplaceAll(t.UTC().Format(time.RFC3339), "+", "%2B") }
