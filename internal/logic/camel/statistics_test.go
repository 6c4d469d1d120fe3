package camel_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/testkit"
)

type stats struct {
	Accounts struct {
		Total    int            `json:"total"`
		ByStatus map[string]int `json:"byStatus"`
	} `json:"accounts"`
	Today struct {
		Date      string `json:"date"`
		Capacity  int64  `json:"capacity"`
		Used      int64  `json:"used"`
		Remaining int64  `json:"remaining"`
	} `json:"today"`
	Days []struct {
		Date string `json:"date"`
	} `json:"days"`
}

// TestStatisticsMatchTheLists: every status count equals the list's total for that status, and
// today's capacity moves by exactly what an online account adds.
func TestStatisticsMatchTheLists(t *testing.T) {
	c := admin(t)
	var before stats
	c.Get(t, "/api/camel-oil/statistics").Expect(t, http.StatusOK).Decode(t, &before)
	a := createAccount(t, c, map[string]any{"phone": newPhone(), "dailyLimit": 9})
	createAccount(t, c, map[string]any{"phone": newPhone()})
	cols := dao.CamelOilAccount.Columns()
	if _, err := dao.CamelOilAccount.Ctx(context.Background()).WherePri(a.ID).Data(g.Map{cols.Status: "online",
		cols.DailyDate: before.Today.Date, cols.DailyOrderCount: 4}).Update(); err != nil {
		t.Fatal(err)
	}
	var st stats
	c.Get(t, "/api/camel-oil/statistics").Expect(t, http.StatusOK).Decode(t, &st)
	if len(st.Days) != 30 || st.Days[29].Date != st.Today.Date {
		t.Fatalf("days %+v", st.Days)
	}
	if st.Today.Capacity-before.Today.Capacity != 9 || st.Today.Used-before.Today.Used != 4 ||
		st.Today.Remaining-before.Today.Remaining != 5 {
		t.Fatalf("today before %+v after %+v", before.Today, st.Today)
	}
	sum := 0
	for status, n := range st.Accounts.ByStatus {
		var list struct {
			Total int `json:"total"`
		}
		c.Get(t, "/api/camel-oil/accounts/list?status="+status).Expect(t, http.StatusOK).Decode(t, &list)
		if list.Total != n {
			t.Fatalf("%s: statistics %d, list %d", status, n, list.Total)
		}
		sum += n
	}
	var all struct {
		Total int `json:"total"`
	}
	c.Get(t, "/api/camel-oil/accounts/list").Expect(t, http.StatusOK).Decode(t, &all)
	if sum != st.Accounts.Total || all.Total != st.Accounts.Total || len(st.Accounts.ByStatus) != 6 {
		t.Fatalf("total %d, by status %v, list %d", st.Accounts.Total, st.Accounts.ByStatus, all.Total)
	}
	root := testkit.SuperAdmin(t)
	boss := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	for _, u := range []testkit.SeededUser{boss, testkit.SeedUser(t, consts.RoleAgent, boss)} {
		testkit.Current().Login(t, u).Get(t, "/api/camel-oil/statistics").Expect(t, http.StatusForbidden)
	}
}
