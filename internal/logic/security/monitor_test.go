package security_test

import (
	"context"
	"strings"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/gogf/gf/v2/database/gredis"

	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

// The monitor raises one alert when a Redis the test started is stopped (deduplicated over
// runs: first/last seen, count) and resolves it when the Redis is back, notifying the
// super-admins once each way.
func TestMonitorRaisesAndResolvesRedisAlert(t *testing.T) {
	ctx := context.Background()
	m := miniredis.NewMiniRedis()
	if err := m.Start(); err != nil {
		t.Fatal(err)
	}
	addr := m.Addr() // kept across restarts: Start alone would pick another free port
	restart := func() {
		t.Helper()
		if err := m.StartAddr(addr); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(m.Close)
	// A client per ping: a pooled one backs off after failed dials, and the test would have to
	// wait that out after the restart.
	ping := func(ctx context.Context) error {
		r, err := gredis.New(&gredis.Config{Address: addr, MaxActive: 1})
		if err != nil {
			return err
		}
		defer r.Close(ctx)
		_, err = r.Do(ctx, "PING")
		return err
	}
	prev := service.Security().SetRedisPinger(ping)
	t.Cleanup(func() { service.Security().SetRedisPinger(prev) })
	admin := testkit.Current().Admin(t)
	run := func() {
		t.Helper()
		if _, err := service.Security().Monitor(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// Only this test's alerts: another test of the package may have had a Redis outage of its own.
	baseline, err := dao.SecurityAlerts.Ctx(ctx).Max("id")
	if err != nil {
		t.Fatal(err)
	}
	redisAlerts := func() []entity.SecurityAlerts {
		var rows []entity.SecurityAlerts
		if err := dao.SecurityAlerts.Ctx(ctx).Where("check_name", "redis").WhereGT("id", baseline).OrderAsc("id").Scan(&rows); err != nil {
			t.Fatal(err)
		}
		return rows
	}
	count := func(kind string) int {
		n := 0
		for _, x := range inbox(t, admin, kind) {
			if strings.Contains(x.Title, "redis") {
				n++
			}
		}
		return n
	}
	before := map[string]int{"security.alertRaised": count("security.alertRaised"), "security.alertResolved": count("security.alertResolved")}
	notices := func(kind string) int { return count(kind) - before[kind] }
	run()
	if rows := redisAlerts(); len(rows) != 0 {
		t.Fatalf("Redis up: %+v", rows)
	}
	m.Close()
	run()
	run()
	rows := redisAlerts()
	if len(rows) != 1 || rows[0].Status != "firing" || rows[0].Count != 2 || rows[0].FirstSeen == nil || rows[0].LastSeen == nil {
		t.Fatalf("Redis down, two runs: %+v", rows)
	}
	if n := notices("security.alertRaised"); n != 1 {
		t.Fatalf("%d raised notices, want 1", n)
	}
	restart()
	run()
	run()
	rows = redisAlerts()
	if len(rows) != 1 || rows[0].Status != "resolved" || rows[0].ResolvedAt == nil || rows[0].OpenKey != "" {
		t.Fatalf("Redis back: %+v", rows)
	}
	if a, b := notices("security.alertRaised"), notices("security.alertResolved"); a != 1 || b != 1 {
		t.Fatalf("raised %d, resolved %d notices, want 1 each", a, b)
	}
	// A new outage is a new alert.
	m.Close()
	run()
	if rows = redisAlerts(); len(rows) != 2 || rows[1].Status != "firing" {
		t.Fatalf("second outage: %+v", rows)
	}
	if n := notices("security.alertRaised"); n != 2 {
		t.Fatalf("%d raised notices after the second outage, want 2", n)
	}
}
