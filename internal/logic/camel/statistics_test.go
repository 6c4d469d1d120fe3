package camel_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/testkit"
)

type stats struct {
	Accounts struct {
		Total    int            `json:"total"`
		ByStatus map[string]int `json:"byStatus"`
	} `json:"accounts"`
	Today struct {
		Date       string `json:"date"`
		Capacity   int64  `json:"capacity"`
		Used       int64  `json:"used"`
		Remaining  int64  `json:"remaining"`
		Orders     int64  `json:"orders"`
		Paid       int64  `json:"paid"`
		PaidAmount int64  `json:"paidAmount"`
		Expired    int64  `json:"expired"`
	} `json:"today"`
	Days []struct {
		Date       string `json:"date"`
		Orders     int64  `json:"orders"`
		Paid       int64  `json:"paid"`
		PaidAmount int64  `json:"paidAmount"`
	} `json:"days"`
}

type listedAccount struct {
	Status          string `json:"status"`
	DailyLimit      int64  `json:"dailyLimit"`
	DailyOrderCount int64  `json:"dailyOrderCount"`
}

// allAccounts reads every page of the account list with the query q.
func allAccounts(t *testing.T, c *testkit.Client, q string) []listedAccount {
	t.Helper()
	var out []listedAccount
	for page := 1; ; page++ {
		var l struct {
			Items []listedAccount `json:"items"`
			Total int             `json:"total"`
		}
		c.Get(t, fmt.Sprintf("/api/camel-oil/accounts/list?pageSize=100&page=%d&%s", page, q)).Expect(t, http.StatusOK).Decode(t, &l)
		out = append(out, l.Items...)
		if len(out) >= l.Total || len(l.Items) == 0 {
			if len(out) != l.Total {
				t.Fatalf("list %q: %d items over the pages, total %d", q, len(out), l.Total)
			}
			return out
		}
	}
}

func orderTotal(t *testing.T, c *testkit.Client, q string) int64 {
	t.Helper()
	var l struct {
		Total int64 `json:"total"`
	}
	c.Get(t, "/api/camel-oil/orders/list?"+q).Expect(t, http.StatusOK).Decode(t, &l)
	return l.Total
}

// TestStatisticsMatchTheLists (§7.9): with a pool of every kind (online with room, paused at
// its limit, pending_login, disabled) and today's orders (pending, paid, expired), the
// statistics equal what the list endpoints show: every status count is the list's total for
// that status, capacity is Σ dailyLimit of the online and paused lists, used Σ their
// dailyOrderCount, remaining Σ room of the online list, today's orders and expired orders
// the order list's totals for today; and each equals the figure the test set up.
func TestStatisticsMatchTheLists(t *testing.T) {
	p := newPool(t, 1000) // the other tests' accounts are soft-deleted: this pool is the whole pool
	c := p.admin
	var before stats
	c.Get(t, "/api/camel-oil/statistics").Expect(t, http.StatusOK).Decode(t, &before)

	accs := p.online(t, 2, 5)
	c.Put(t, fmt.Sprintf("/api/camel-oil/accounts/%d", accs[0].ID), map[string]any{"dailyLimit": 2}).Expect(t, http.StatusOK)
	createAccount(t, c, map[string]any{"phone": newPhone(), "dailyLimit": 7}) // pending_login: not capacity
	d := createAccount(t, c, map[string]any{"phone": newPhone(), "dailyLimit": 4})
	c.Put(t, fmt.Sprintf("/api/camel-oil/accounts/%d/status", d.ID), map[string]any{"status": "disabled"}).Expect(t, http.StatusOK)
	// A gets 2 (its limit: paused_daily), B 1.
	var orders []mOrder
	for i := range 3 {
		orders = append(orders, p.submit(t, fmt.Sprintf("st-%d", i), int64(1000+i)).order(t))
	}
	if a := p.get(t, accs[0].ID); a.Status != "paused_daily" {
		t.Fatalf("A after two orders: %+v", a)
	}
	idOf := func(orderNo string) int64 { return orderRow(t, orderNo).Id }
	// One paid, one expired (its expiry moved into the past), both seen by a refresh.
	p.fake.Pay(orderRow(t, orders[1].OrderNo).PlatformOrderNo)
	c.Post(t, fmt.Sprintf("/api/camel-oil/orders/%d/refresh", idOf(orders[1].OrderNo)), nil).Expect(t, http.StatusOK)
	oc := dao.CamelOilOrder.Columns()
	if _, err := dao.CamelOilOrder.Ctx(context.Background()).Where(oc.OrderNo, orders[2].OrderNo).
		Data(g.Map{oc.ExpireAt: gtime.NewFromTime(time.Now().Add(-time.Hour).UTC())}).Update(); err != nil {
		t.Fatal(err)
	}
	c.Post(t, fmt.Sprintf("/api/camel-oil/orders/%d/refresh", idOf(orders[2].OrderNo)), nil).Expect(t, http.StatusOK)

	// No scheduled job (login, poll, reset) may move a row between the reads below.
	clk := testkit.SharedClock{}
	clk.Freeze(t, time.Now())
	t.Cleanup(func() { clk.Release(t) })
	var st stats
	c.Get(t, "/api/camel-oil/statistics").Expect(t, http.StatusOK).Decode(t, &st)

	want := map[string]int{"online": 1, "paused_daily": 1, "pending_login": 1, "disabled": 1, "logging_in": 0, "invalid": 0}
	if len(st.Accounts.ByStatus) != 6 || st.Accounts.Total != 4 {
		t.Fatalf("accounts %+v", st.Accounts)
	}
	for status, n := range want {
		if got := len(allAccounts(t, c, "status="+status)); st.Accounts.ByStatus[status] != n || got != n {
			t.Errorf("%s: statistics %d, list %d, set up %d", status, st.Accounts.ByStatus[status], got, n)
		}
	}
	all := allAccounts(t, c, "")
	var capacity, used, remaining int64
	for _, a := range all {
		used += a.DailyOrderCount
		if a.Status == "online" || a.Status == "paused_daily" {
			capacity += a.DailyLimit
		}
		if a.Status == "online" {
			remaining += a.DailyLimit - a.DailyOrderCount
		}
	}
	if len(all) != st.Accounts.Total || st.Today.Capacity != capacity || st.Today.Used != used || st.Today.Remaining != remaining ||
		capacity != 2+5 || used != 3 || remaining != 4 {
		t.Fatalf("today %+v; the list gives capacity %d used %d remaining %d of %d accounts", st.Today, capacity, used,
			remaining, len(all))
	}

	// Orders are platform-wide: the list over today's Asia/Shanghai day, without a merchant.
	sh, _ := time.LoadLocation("Asia/Shanghai")
	day, _ := time.ParseInLocation(time.DateOnly, st.Today.Date, sh)
	span := "from=" + url.QueryEscape(day.Format(time.RFC3339)) + "&to=" + url.QueryEscape(day.AddDate(0, 0, 1).Format(time.RFC3339))
	if n := orderTotal(t, c, span); st.Today.Orders != n || st.Days[len(st.Days)-1].Orders != n {
		t.Errorf("today's orders: statistics %d, list %d", st.Today.Orders, n)
	}
	if n := orderTotal(t, c, span+"&status=expired"); st.Today.Expired != n {
		t.Errorf("today's expired orders: statistics %d, list %d", st.Today.Expired, n)
	}
	if st.Today.Orders-before.Today.Orders != 3 || st.Today.Paid-before.Today.Paid != 1 ||
		st.Today.PaidAmount-before.Today.PaidAmount != 1001 || st.Today.Expired-before.Today.Expired != 1 {
		t.Errorf("today before %+v, after %+v", before.Today, st.Today)
	}
	if len(st.Days) != 30 || st.Days[29].Date != st.Today.Date || st.Days[29].Paid != st.Today.Paid {
		t.Errorf("days %+v", st.Days)
	}
}
