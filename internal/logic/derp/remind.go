package derp

import (
	"context"
	"fmt"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

// remindDays are §10's reminder steps, most urgent first.
var remindDays = []int{1, 3, 7}

const day = 24 * time.Hour

// dueReminder is the one reminder a rental gets now, or 0. Every step N with now ≥ expires − N d
// whose current period (the unbroken run of terms ending at expires) is longer than N days is
// due; only the smallest is sent, so a missed window never sends stale steps, and a 3-day term
// (not longer than 3 or 7 days) only ever gets the 1-day reminder.
func dueReminder(now, expires, coveredFrom time.Time) int {
	if !expires.After(now) {
		return 0
	}
	for _, n := range remindDays {
		d := time.Duration(n) * day
		if !now.Before(expires.Add(-d)) && expires.Sub(coveredFrom) > d {
			return n
		}
	}
	return 0
}

// coveredFrom is where the rental's current period starts: walking its terms back from the
// expiry for as long as they join up (a renewal starts where the previous term ended; one after
// a lapse starts later, and the run before the lapse does not count).
func coveredFrom(ctx context.Context, r *entity.DerpRentals) (time.Time, error) {
	pc := dao.DerpRentalPeriods.Columns()
	var ps []entity.DerpRentalPeriods
	if err := dao.DerpRentalPeriods.Ctx(ctx).Where(pc.RentalId, r.Id).OrderDesc(pc.EndsAt).OrderAsc(pc.StartsAt).
		Scan(&ps); err != nil && !dbx.IsNoRows(err) {
		return time.Time{}, err
	}
	if len(ps) == 0 {
		return r.StartedAt.Time, nil
	}
	start := r.ExpiresAt.Time
	for _, p := range ps {
		if p.EndsAt.Time.Before(start) {
			break
		}
		if p.StartsAt.Time.Before(start) {
			start = p.StartsAt.Time
		}
	}
	return start, nil
}

// RemindRentals sends the due 7/3/1-day reminders of active rentals (§10). The dedup key
// remind:<rid>:<N>:<expires_at> makes every step once per expiry however many runs overlap, and
// a renewal (a new expiry) starts the steps afresh.
func (s *sDerp) RemindRentals(ctx context.Context) (int, error) {
	cols := dao.DerpRentals.Columns()
	now := s.now()
	sent := 0
	var last int64
	for {
		var rows []*entity.DerpRentals
		err := dao.DerpRentals.Ctx(ctx).Where(cols.State, rentalActive).WhereGT(cols.ExpiresAt, gtime.NewFromTime(now)).
			WhereLTE(cols.ExpiresAt, gtime.NewFromTime(now.Add(7*day))).Where(afterID, last).OrderAsc(cols.Id).
			Limit(jobBatch).Scan(&rows)
		if err != nil && !dbx.IsNoRows(err) {
			return sent, err
		}
		for _, r := range rows {
			last = r.Id
			from, err := coveredFrom(ctx, r)
			if err != nil {
				return sent, err
			}
			n := dueReminder(now, r.ExpiresAt.Time, from)
			if n == 0 {
				continue
			}
			key := fmt.Sprintf("remind:%d:%d:%d", r.Id, n, r.ExpiresAt.Unix())
			var ok bool
			err = dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
				ok, err = s.notice(ctx, tx, toRental(r.Id), fmt.Sprintf("remind_%d", n), map[string]any{"days": n}, key)
				return err
			})
			if err != nil {
				return sent, err
			}
			if ok {
				sent++
			}
		}
		if len(rows) < jobBatch || ctx.Err() != nil {
			return sent, ctx.Err()
		}
	}
}
