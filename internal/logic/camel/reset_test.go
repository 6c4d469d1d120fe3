package camel_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/service"
	"kami/internal/testkit"
)

// TestDailyResetAcrossShanghaiMidnight: the counters belong to the Asia/Shanghai date whatever
// the process's zone; a run before 00:00 there changes nothing, the first run after it reopens
// paused accounts (online with a live token, pending_login with an expired one), a second run
// changes nothing again.
func TestDailyResetAcrossShanghaiMidnight(t *testing.T) {
	c := admin(t)
	clk := testkit.SharedClock{}
	sh, _ := time.LoadLocation("Asia/Shanghai")
	clk.Freeze(t, time.Date(2026, 3, 10, 23, 59, 0, 0, sh)) // 15:59 UTC, still the 10th in Shanghai
	t.Cleanup(func() { clk.Release(t) })

	live := createAccount(t, c, map[string]any{"phone": newPhone()})
	stale := createAccount(t, c, map[string]any{"phone": newPhone()})
	cols := dao.CamelOilAccount.Columns()
	pause := func(id int64, tokenUntil time.Time) {
		t.Helper()
		if _, err := dao.CamelOilAccount.Ctx(context.Background()).WherePri(id).Data(g.Map{cols.Status: "paused_daily",
			cols.DailyDate: "2026-03-10", cols.DailyOrderCount: 10, cols.DailyLimit: 10,
			cols.TokenExpireAt: gtime.NewFromTime(tokenUntil.UTC())}).Update(); err != nil {
			t.Fatal(err)
		}
	}
	pause(live.ID, time.Date(2026, 3, 20, 0, 0, 0, 0, sh))
	pause(stale.ID, time.Date(2026, 3, 11, 0, 0, 10, 0, sh))

	get := func(id int64) account {
		t.Helper()
		var a account
		c.Get(t, fmt.Sprintf("/api/camel-oil/accounts/%d", id)).Expect(t, http.StatusOK).Decode(t, &a)
		return a
	}
	run := func() int {
		t.Helper()
		n, err := service.Camel().DailyReset(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := run(); n != 0 {
		t.Fatalf("a run before midnight moved %d accounts", n)
	}
	if a := get(live.ID); a.Status != "paused_daily" || a.DailyOrderCount != 10 {
		t.Fatalf("before midnight: %+v", a)
	}

	clk.Advance(t, 2*time.Minute) // 00:01 on the 11th in Shanghai, 16:01 UTC on the 10th
	if a := get(live.ID); a.DailyOrderCount != 0 {
		t.Fatalf("yesterday's counter reads %d after midnight", a.DailyOrderCount)
	}
	if n := run(); n < 2 {
		t.Fatalf("the first run after midnight moved %d accounts", n)
	}
	if a := get(live.ID); a.Status != "online" {
		t.Fatalf("live token: %+v", a)
	}
	if a := get(stale.ID); a.Status != "pending_login" {
		t.Fatalf("expired token: %+v", a)
	}
	if n := run(); n != 0 {
		t.Fatalf("a second run moved %d accounts", n)
	}
	for id, want := range map[int64]string{live.ID: "online", stale.ID: "pending_login"} {
		var h history
		c.Get(t, fmt.Sprintf("/api/camel-oil/accounts/%d/history", id)).Expect(t, http.StatusOK).Decode(t, &h)
		if h.Total != 1 || h.Items[0].FromStatus != "paused_daily" || h.Items[0].ToStatus != want || h.Items[0].OperatorID != 0 {
			t.Fatalf("history of %d: %+v", id, h)
		}
	}
}
