package derp

import (
	"context"
	"fmt"
	"time"

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

// coveredFrom is, for each rental of a page, where its current period starts: walking its
// terms back from the expiry for as long as they join up (a renewal starts where the previous
// term ended; one after a lapse starts later, and the run before the lapse does not count).
// One read serves the whole page.
func coveredFrom(ctx context.Context, rows []*entity.DerpRentals) (map[int64]time.Time, error) {
	out := make(map[int64]time.Time, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.Id
	}
	pc := dao.DerpRentalPeriods.Columns()
	var ps []entity.DerpRentalPeriods
	if err := dao.DerpRentalPeriods.Ctx(ctx).Fields(pc.RentalId, pc.StartsAt, pc.EndsAt).WhereIn(pc.RentalId, ids).
		OrderAsc(pc.RentalId).OrderDesc(pc.EndsAt).OrderAsc(pc.StartsAt).Scan(&ps); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	byRental := make(map[int64][]entity.DerpRentalPeriods, len(rows))
	for _, p := range ps {
		byRental[p.RentalId] = append(byRental[p.RentalId], p)
	}
	for _, r := range rows {
		terms := byRental[r.Id]
		if len(terms) == 0 {
			out[r.Id] = r.StartedAt.Time
			continue
		}
		start := r.ExpiresAt.Time
		for _, p := range terms {
			if p.EndsAt.Time.Before(start) {
				break
			}
			if p.StartsAt.Time.Before(start) {
				start = p.StartsAt.Time
			}
		}
		out[r.Id] = start
	}
	return out, nil
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
		if len(rows) > 0 {
			last = rows[len(rows)-1].Id
		}
		type due struct {
			r    *entity.DerpRentals
			step int
		}
		from, err := coveredFrom(ctx, rows)
		if err != nil {
			return sent, err
		}
		var todo []due
		for _, r := range rows {
			if n := dueReminder(now, r.ExpiresAt.Time, from[r.Id]); n != 0 {
				todo = append(todo, due{r, n})
			}
		}
		n, err := inChunks(ctx, len(todo), chunkScan{each: func(ctx context.Context, c *chunk, i int) (bool, error) {
			d := todo[i]
			return s.noticeIn(ctx, c, toRentalRow(d.r), fmt.Sprintf("remind_%d", d.step), map[string]any{"days": d.step},
				fmt.Sprintf("remind:%d:%d:%d", d.r.Id, d.step, d.r.ExpiresAt.Unix()))
		}})
		sent += n
		if err != nil {
			return sent, err
		}
		if len(rows) < jobBatch || ctx.Err() != nil {
			return sent, ctx.Err()
		}
	}
}
