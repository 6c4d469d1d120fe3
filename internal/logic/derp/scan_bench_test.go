package derp_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/service"
	"kami/internal/testkit"
)

// B2 (derp.md §15): the lifecycle scans over 100k rentals. Nothing due: each scan against one
// indexed SELECT id … WHERE state IN(..) AND expires_at<=? LIMIT 500 (target ≤ 2×). 1,000 due:
// each scan's pass against 1,000 single-row conditional-UPDATE transactions (target ≤ 3×).
const (
	scanRentals = 100_000
	scanDue     = 1000
	scanRepeat  = 20 // nothing-due timings are averaged over this many calls
)

var (
	scanOnce  sync.Once
	scanFirst int64 // the first of the 100k ids; they are contiguous
	scanErr   error
	// scanRound counts the measured rounds across the benchmark's calls (b.N starts at 1 each
	// time), so the baseline's flip always changes the rows it writes.
	scanRound int
)

func seedScanRentals(b *testing.B) {
	b.Helper()
	scanOnce.Do(func() {
		ctx := context.Background()
		root := testkit.SuperAdmin(b)
		owner := testkit.SeedUser(b, consts.RoleMember, root)
		now := time.Now()
		far := gtime.NewFromTime(now.Add(60 * day))
		start := gtime.NewFromTime(now.Add(-30 * day))
		tag := testkit.UniqueName("B")
		rows := make([]do.DerpRentals, 0, 1000)
		for i := 0; i < scanRentals; i++ {
			rows = append(rows, do.DerpRentals{RentalNo: fmt.Sprintf("%s-%d", tag, i), UserId: owner.ID, DistributorId: root.ID,
				PlanId: 3, State: "active", StartedAt: start, ExpiresAt: far, MaxDevices: 20})
			if len(rows) == cap(rows) {
				if _, scanErr = dao.DerpRentals.Ctx(ctx).Data(rows).Insert(); scanErr != nil {
					return
				}
				rows = rows[:0]
			}
		}
		v, err := dao.DerpRentals.Ctx(ctx).Fields("MIN(id)").WhereLike("rental_no", tag+"-%").Value()
		scanFirst, scanErr = v.Int64(), err
	})
	if scanErr != nil {
		b.Fatal(scanErr)
	}
}

// dueSet points scanDue of the rentals at a state and expiry (or back at active, far ahead).
func dueSet(b *testing.B, state string, expires time.Time) {
	b.Helper()
	if _, err := dao.DerpRentals.Ctx(context.Background()).Data(g.Map{"state": state, "hold_reason": "",
		"expires_at": gtime.NewFromTime(expires)}).WhereBetween("id", scanFirst, scanFirst+scanDue-1).Update(); err != nil {
		b.Fatal(err)
	}
}

func timed(b *testing.B, n int, fn func() error) time.Duration {
	b.Helper()
	start := time.Now()
	for i := 0; i < n; i++ {
		if err := fn(); err != nil {
			b.Fatal(err)
		}
	}
	return time.Since(start) / time.Duration(n)
}

func BenchmarkDerpScans(b *testing.B) {
	// A frozen clock holds the schedules, so no scheduled run scans alongside the measured ones.
	clk := testkit.SharedClock{}
	clk.Freeze(b, time.Now().Truncate(time.Second))
	defer clk.Release(b)
	seedScanRentals(b)
	ctx := context.Background()
	d := service.Derp()
	scans := []struct {
		name string
		run  func(context.Context) (int, error)
	}{{"expire", d.ExpireRentals}, {"remind", d.RemindRentals}, {"deregister", d.DeregisterRentals}}
	// "Nothing due" must hold for the whole table: settle what earlier runs or benchmarks in this
	// database left due before measuring.
	for _, s := range scans {
		for range 1000 {
			n, err := s.run(ctx)
			if err != nil {
				b.Fatal(err)
			}
			if n == 0 {
				break
			}
		}
	}
	for i := 0; i < b.N; i++ {
		// Nothing due.
		base := timed(b, scanRepeat, func() error {
			_, err := dao.DerpRentals.Ctx(ctx).Fields("id").WhereIn("state", []string{"active", "suspended"}).
				WhereLTE("expires_at", gtime.NewFromTime(clk.Now())).Limit(500).Array()
			return err
		})
		for _, s := range scans {
			got := timed(b, scanRepeat, func() error {
				n, err := s.run(ctx)
				if err == nil && n != 0 {
					err = fmt.Errorf("%s found %d due", s.name, n)
				}
				return err
			})
			b.ReportMetric(float64(got)/float64(base), s.name+"_idle_x")
		}
		b.ReportMetric(float64(base.Microseconds()), "select_us")

		// 1,000 due: the baseline is one guarded single-row UPDATE per transaction.
		scanRound++
		flip := []string{"", "b"}[scanRound%2]
		upd := timed(b, 1, func() error {
			for id := scanFirst; id < scanFirst+scanDue; id++ {
				err := dao.DerpRentals.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
					n, err := dao.DerpRentals.Ctx(ctx).Data(g.Map{"suspend_reason": flip}).WherePri(id).
						Where("state", "active").UpdateAndGetAffected()
					if err == nil && n != 1 {
						err = fmt.Errorf("baseline update of %d hit %d rows", id, n)
					}
					return err
				})
				if err != nil {
					return err
				}
			}
			return nil
		})
		now := clk.Now()
		due := []struct {
			name    string
			state   string
			expires time.Time
			run     func(context.Context) (int, error)
		}{
			{"expire", "active", now.Add(-time.Minute), d.ExpireRentals},
			{"remind", "active", now.Add(12*time.Hour - time.Duration(i)*time.Second), d.RemindRentals},
			{"deregister", "expired", now.Add(-31 * day), d.DeregisterRentals},
		}
		for _, s := range due {
			dueSet(b, s.state, s.expires)
			got := timed(b, 1, func() error {
				n, err := s.run(ctx)
				if err == nil && n < scanDue && !(s.name == "deregister" && scanRound > 1) {
					err = fmt.Errorf("%s handled %d of %d", s.name, n, scanDue)
				}
				return err
			})
			b.ReportMetric(float64(got)/float64(upd), s.name+"_1000_x")
			dueSet(b, "active", now.Add(60*day))
		}
		b.ReportMetric(float64(upd.Milliseconds()), "update1000_ms")
	}
}
