package stats_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/consts"
	"kami/internal/service"
	"kami/internal/testkit"
)

// benchRows is how many cards and ledger entries the benchmark seeds: 1,000,000 each on MySQL
// (the goal's size); 200,000 on the embedded SQLite, where seeding a million rows would take
// most of the 10-minute budget.
func benchRows() int {
	if os.Getenv("KAMI_TEST_BACKEND") == "real" {
		return 1_000_000
	}
	return 200_000
}

// BenchmarkStatsDashboard answers the 30-day cards and quota reports over HTTP from the
// aggregates (as the super-admin and as an agent-admin, whose scope is a sub-query) and, in the
// same run, the same questions by a full scan of the raw tables (GROUP BY day over cards and
// quota_entries). Goal: under 200 ms per report answer. The refresh job's first run (the
// 30-day backfill) and a steady-state run (today only) are timed once.
func BenchmarkStatsDashboard(b *testing.B) {
	ctx := context.Background()
	// The benchmark function runs more than once (b.N = 1 first): the rows are seeded once.
	benchOnce.Do(func() { benchSeeded = benchSeed(b, ctx) })
	s := benchSeeded
	if s == nil {
		b.Fatal("seeding failed")
	}
	admin := testkit.Current().Admin(b)
	boss := testkit.Current().Login(b, s.boss)
	paths := []string{"/api/stats/cards?" + q(s.from, s.to), "/api/stats/quota?" + q(s.from, s.to)}
	var agg, aggScoped, scan time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range paths {
			t0 := time.Now()
			admin.Get(b, p).Expect(b, http.StatusOK)
			agg += time.Since(t0)
			t0 = time.Now()
			boss.Get(b, p).Expect(b, http.StatusOK)
			aggScoped += time.Since(t0)
		}
		t0 := time.Now()
		fullScan(b, ctx)
		scan += time.Since(t0)
	}
	b.StopTimer()
	per := func(d time.Duration, k int) float64 { return float64(d.Microseconds()) / 1000 / float64(b.N*k) }
	b.ReportMetric(per(agg, len(paths)), "ms/report")
	b.ReportMetric(per(aggScoped, len(paths)), "ms/report-agent-admin")
	b.ReportMetric(per(scan, len(paths)), "ms/report-full-scan")
	fmt.Printf("stats: %d cards + %d ledger entries (seeded in %.1f s); refresh backfill of 30 days %.2f s, steady run %.3f s;\n"+
		"  30-day report from the aggregates %.1f ms (super-admin), %.1f ms (agent-admin), the same by full scan %.1f ms (%.0fx)\n",
		s.n, s.n, s.seeded.Seconds(), s.backfill.Seconds(), s.steady.Seconds(), per(agg, len(paths)), per(aggScoped, len(paths)),
		per(scan, len(paths)), float64(scan)/float64(max(agg, 1)))
}

var (
	benchOnce   sync.Once
	benchSeeded *benchState
)

type benchState struct {
	boss                     testkit.SeededUser
	from, to                 string
	n                        int
	seeded, backfill, steady time.Duration
}

// benchSeed writes the rows and runs the refresh job twice (the backfill, then a steady run).
func benchSeed(b *testing.B, ctx context.Context) *benchState {
	root := testkit.SuperAdmin(b)
	var bosses []testkit.SeededUser
	var owners []int64
	for i := 0; i < 4; i++ {
		boss := testkit.SeedUser(b, consts.RoleAgentAdmin, root)
		bosses = append(bosses, boss)
		owners = append(owners, boss.ID)
		for j := 0; j < 5; j++ {
			owners = append(owners, testkit.SeedUser(b, consts.RoleAgent, boss).ID)
		}
	}
	n := benchRows()
	now := time.Now().UTC().Truncate(time.Second)
	seedStart := time.Now()
	seed(b, "cards", "project_id, batch_id, plan_id, owner_id, key_hash, key_sealed, status, created_at, activated_at, expires_at", n,
		func(i int) string {
			at := now.Add(-time.Duration(i%(30*24*60)) * time.Minute)
			act, exp := "NULL", "NULL"
			if i%3 == 0 {
				act = "'" + at.Add(time.Hour).Format(time.DateTime) + "'"
				exp = "'" + at.Add(31*24*time.Hour).Format(time.DateTime) + "'"
			}
			return fmt.Sprintf("(%d, 1, 1, %d, '%064x', 'x', 'unused', '%s', %s, %s)",
				1+i%5, owners[i%len(owners)], i, at.Format(time.DateTime), act, exp)
		})
	types := []string{"card_batch", "transfer", "recharge", "system_recharge"}
	seed(b, "quota_entries", "movement_id, user_id, bucket, amount, type, created_at", n, func(i int) string {
		at := now.Add(-time.Duration(i%(30*24*60)) * time.Minute)
		amount := int64(i%500 + 1)
		if i%2 == 0 {
			amount = -amount
		}
		return fmt.Sprintf("(%d, %d, 'available', %d, '%s', '%s')", i/2+1, owners[i%len(owners)], amount, types[i%4], at.Format(time.DateTime))
	})
	seeded := time.Since(seedStart)

	start := time.Now()
	if _, err := service.Stats().Refresh(ctx); err != nil {
		b.Fatal(err)
	}
	backfill := time.Since(start)
	start = time.Now()
	if _, err := service.Stats().Refresh(ctx); err != nil {
		b.Fatal(err)
	}
	steady := time.Since(start)

	zone := time.FixedZone("CST", 8*3600)
	return &benchState{boss: bosses[0], n: n, seeded: seeded, backfill: backfill, steady: steady,
		from: now.AddDate(0, 0, -29).In(zone).Format("2006-01-02"), to: now.In(zone).Format("2006-01-02")}
}

// seed writes n rows to table in multi-row INSERTs of 2,000 rows.
func seed(b *testing.B, table, cols string, n int, row func(i int) string) {
	b.Helper()
	const per = 2000
	var sb strings.Builder
	for i := 0; i < n; i += per {
		sb.Reset()
		sb.WriteString("INSERT INTO " + table + " (" + cols + ") VALUES ")
		for j := i; j < min(i+per, n); j++ {
			if j > i {
				sb.WriteByte(',')
			}
			sb.WriteString(row(j))
		}
		if _, err := g.DB().Exec(context.Background(), sb.String()); err != nil {
			msg := err.Error()
			b.Fatalf("seeding %s: %s", table, msg[max(0, len(msg)-200):])
		}
	}
}

// fullScan answers both reports' questions from the raw tables: cards created and activated per
// day, and ledger credits and debits per type and day, over the whole tables.
func fullScan(b *testing.B, ctx context.Context) {
	b.Helper()
	for _, sql := range []string{
		"SELECT SUBSTR(created_at, 1, 10) d, COUNT(*) n, SUM(CASE WHEN activated_at IS NULL THEN 0 ELSE 1 END) a FROM cards GROUP BY SUBSTR(created_at, 1, 10)",
		"SELECT SUBSTR(created_at, 1, 10) d, type, SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END) i, " +
			"SUM(CASE WHEN amount < 0 THEN -amount ELSE 0 END) o FROM quota_entries WHERE bucket = 'available' GROUP BY SUBSTR(created_at, 1, 10), type",
	} {
		if _, err := g.DB().GetAll(ctx, sql); err != nil {
			b.Fatal(err)
		}
	}
}
