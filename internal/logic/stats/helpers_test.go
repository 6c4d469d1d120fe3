package stats_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/config"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/service"
	"kami/internal/testkit"
	"kami/internal/timefmt"
)

type member struct {
	testkit.SeededUser
	C *testkit.Client
}

// world is the super-admin, two agent-admins and their agents.
type world struct {
	Admin, Boss, Agent1, Agent2, Boss2, Other member
}

func login(t *testing.T, u testkit.SeededUser) member {
	t.Helper()
	return member{SeededUser: u, C: testkit.Current().Login(t, u)}
}

func newWorld(t *testing.T) world {
	t.Helper()
	root := testkit.SuperAdmin(t)
	boss := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	boss2 := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	return world{Admin: login(t, root), Boss: login(t, boss),
		Agent1: login(t, testkit.SeedUser(t, consts.RoleAgent, boss)),
		Agent2: login(t, testkit.SeedUser(t, consts.RoleAgent, boss)),
		Boss2:  login(t, boss2), Other: login(t, testkit.SeedUser(t, consts.RoleAgent, boss2))}
}

// freezeAt stops the shared clock at the given time for the rest of the test, with tokens
// that outlive the moves.
func freezeAt(t *testing.T, at time.Time) {
	t.Helper()
	testkit.SetConfig(t, func(c *config.Config) {
		c.Auth.AccessTTL, c.Auth.RefreshTTL = 365*24*time.Hour, 365*24*time.Hour
	})
	testkit.SharedClock{}.Freeze(t, at)
	t.Cleanup(func() { testkit.SharedClock{}.Release(t) })
}

// noonDaysAgo is 12:00 in the display zone n days before today.
func noonDaysAgo(n int) time.Time {
	now := time.Now().In(timefmt.Zone())
	return time.Date(now.Year(), now.Month(), now.Day()-n, 12, 0, 0, 0, timefmt.Zone())
}

func day(t time.Time) string { return t.In(timefmt.Zone()).Format("2006-01-02") }

func dayBounds(d string) (time.Time, time.Time) {
	s, _ := time.ParseInLocation("2006-01-02", d, timefmt.Zone())
	return s.UTC(), s.AddDate(0, 0, 1).UTC()
}

func newProject(t *testing.T, admin *testkit.Client, price int64) (int64, int64) {
	t.Helper()
	var p struct {
		ID    int64 `json:"id"`
		Plans []struct {
			ID int64 `json:"id"`
		} `json:"plans"`
	}
	admin.Post(t, "/api/projects", map[string]any{"name": testkit.UniqueName("p"),
		"plans": []map[string]any{{"name": "month", "durationSeconds": 2592000, "price": price, "maxDevices": 1}},
	}).Expect(t, http.StatusOK).Decode(t, &p)
	return p.ID, p.Plans[0].ID
}

func authorize(t *testing.T, admin *testkit.Client, projectID, userID int64) {
	t.Helper()
	admin.Post(t, "/api/authorizations", map[string]any{"projectId": projectID, "agentId": userID}).Expect(t, http.StatusOK)
}

func fund(t *testing.T, userID, amount int64) {
	t.Helper()
	if _, err := service.Quota().Credit(context.Background(), nil, model.QuotaMove{
		UserID: userID, Amount: amount, Type: model.QuotaTypeSystemRecharge}); err != nil {
		t.Fatal(err)
	}
}

// batch generates count cards and answers the batch id.
func batch(t *testing.T, c *testkit.Client, projectID, planID int64, count int) int64 {
	t.Helper()
	var b struct {
		ID int64 `json:"id"`
	}
	c.Post(t, "/api/cards/batches", map[string]any{"projectId": projectID, "planId": planID, "count": count}).
		Expect(t, http.StatusOK).Decode(t, &b)
	return b.ID
}

// activate marks n unused cards of a batch active now (as a first verification would), with
// the validity ending at expires. The OpenAPI's activation path is the card module's; here only
// its facts (activated_at, expires_at) matter.
func activate(t *testing.T, batchID int64, n int, now, expires time.Time) []int64 {
	t.Helper()
	ctx := context.Background()
	ids, err := dao.Cards.Ctx(ctx).Fields("id").Where("batch_id", batchID).Where("status", "unused").
		OrderAsc("id").Limit(n).Array()
	if err != nil {
		t.Fatal(err)
	}
	var out []int64
	for _, v := range ids {
		out = append(out, v.Int64())
	}
	_, err = dao.Cards.Ctx(ctx).WhereIn("id", out).Data(gdb.Map{"status": "active", "activated_at": now.UTC(),
		"expires_at": expires.UTC(), "updated_at": now.UTC()}).Update()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// cardsWant is what the raw tables say of the owners' cards on a day: created, activated,
// expired (validity ended that day, by now) and disabled (one by one, and whole batches).
func cardsWant(t *testing.T, owners []int64, d string, now time.Time) [4]int64 {
	t.Helper()
	ctx := context.Background()
	s, e := dayBounds(d)
	var out [4]int64
	for i, col := range []string{"created_at", "activated_at", "expires_at", "disabled_at"} {
		to := e
		if col == "expires_at" && now.Before(e) {
			to = now.Add(time.Second)
		}
		n, err := dao.Cards.Ctx(ctx).WhereIn("owner_id", owners).WhereGTE(col, s).WhereLT(col, to).Count()
		if err != nil {
			t.Fatal(err)
		}
		out[i] = int64(n)
	}
	v, err := dao.CardBatches.Ctx(ctx).WhereIn("owner_id", owners).WhereGTE("disabled_at", s).WhereLT("disabled_at", e).
		Sum("generated_count")
	if err != nil {
		t.Fatal(err)
	}
	out[3] += int64(v)
	return out
}

// quotaWant is the raw ledger's credits and debits of the available part of the users' accounts
// on a day, by "<type>.in" / "<type>.out".
func quotaWant(t *testing.T, users []int64, d string) map[string]int64 {
	t.Helper()
	s, e := dayBounds(d)
	rows, err := dao.QuotaEntries.Ctx(context.Background()).Fields("type, amount").WhereIn("user_id", users).
		Where("bucket", "available").WhereGTE("created_at", s).WhereLT("created_at", e).All()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, r := range rows {
		if a := r["amount"].Int64(); a > 0 {
			out[r["type"].String()+".in"] += a
		} else {
			out[r["type"].String()+".out"] -= a
		}
	}
	return out
}

// usersUnder lists the ids of path's subtree (the caller itself included).
func usersUnder(t *testing.T, path string) []int64 {
	t.Helper()
	ids, err := dao.Users.Ctx(context.Background()).Fields("id").WhereLike("path", path+"%").Array()
	if err != nil {
		t.Fatal(err)
	}
	out := []int64{}
	for _, v := range ids {
		out = append(out, v.Int64())
	}
	return out
}

func allUsers(t *testing.T) []int64 {
	t.Helper()
	ids, err := g.DB().Model("users").Fields("id").Array()
	if err != nil {
		t.Fatal(err)
	}
	out := []int64{0} // the system account
	for _, v := range ids {
		out = append(out, v.Int64())
	}
	return out
}

type chart struct {
	Axis   []string `json:"axis"`
	Series []struct {
		Name string  `json:"name"`
		Data []int64 `json:"data"`
	} `json:"series"`
}

// at is series name's value on axis label a (0 when absent).
func (c chart) at(name, a string) int64 {
	for i, x := range c.Axis {
		if x != a {
			continue
		}
		for _, s := range c.Series {
			if s.Name == name {
				return s.Data[i]
			}
		}
	}
	return 0
}

func q(from, to string) string { return fmt.Sprintf("from=%s&to=%s", from, to) }

// waitFor polls cond until it holds (settings reach the service within 2 s), failing after 10 s.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 10 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// activityWant is the raw logs' successful logins and operations of the users on a day.
func activityWant(t *testing.T, users []int64, d string) (int64, int64) {
	t.Helper()
	s, e := dayBounds(d)
	ctx := context.Background()
	// Anonymous rows (user 0: the login requests themselves) are nobody's activity.
	l, err := dao.LoginLogs.Ctx(ctx).Where("result", 1).WhereGT("user_id", 0).WhereIn("user_id", users).WhereGTE("created_at", s).WhereLT("created_at", e).Count()
	if err != nil {
		t.Fatal(err)
	}
	o, err := dao.OperationLogs.Ctx(ctx).WhereGT("user_id", 0).WhereIn("user_id", users).WhereGTE("created_at", s).WhereLT("created_at", e).Count()
	if err != nil {
		t.Fatal(err)
	}
	return int64(l), int64(o)
}

// refresh is one run of the refresh job's work, as of the shared clock.
func refresh(t *testing.T) {
	t.Helper()
	if _, err := service.Stats().Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
}
