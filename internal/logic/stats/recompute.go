package stats

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/utility/dbx"
)

// What a bucket counts (the same definitions the tests check against the raw tables):
//   - cards created: cards.created_at in the day; activated: activated_at in the day;
//     expired: expires_at in the day and already passed (validity ended, whatever the card's
//     status since); disabled: cards disabled one by one that day (disabled_at) plus the cards
//     of batches disabled that day (card_batches.disabled_at, generated_count), by owner and project;
//   - quota: entries on the available part of an account, by user and type: credits, debits
//     (as a positive sum) and how many;
//   - activity: successful logins and logged operations by user, by day and hour, and the time
//     online estimated from them (activity_refresh.go).

type cardKey struct{ owner, project int64 }

type countRow struct {
	OwnerId   int64
	ProjectId int64
	N         int64
}

// recompute replaces one day's buckets with what the raw tables say now, in one transaction,
// and records the day (frozen when the run started lateGrace after the day ended).
func (s *sStats) recompute(ctx context.Context, day string, now time.Time, grace time.Duration) error {
	start, end, err := bounds(day)
	if err != nil {
		return err
	}
	upto := end
	if now.Before(upto) {
		upto = now.Add(time.Second)
	}
	return dao.StatsDays.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		cards, err := cardBuckets(ctx, day, start, end, upto)
		if err != nil {
			return err
		}
		quota, err := quotaBuckets(ctx, day, start, end)
		if err != nil {
			return err
		}
		activity, hourly, err := activityBuckets(ctx, day, start, end)
		if err != nil {
			return err
		}
		for _, w := range []struct {
			m    func() *gdb.Model
			rows any
			n    int
		}{{func() *gdb.Model { return dao.StatsCardDaily.Ctx(ctx) }, cards, len(cards)},
			{func() *gdb.Model { return dao.StatsQuotaDaily.Ctx(ctx) }, quota, len(quota)},
			{func() *gdb.Model { return dao.StatsActivityDaily.Ctx(ctx) }, activity, len(activity)},
			{func() *gdb.Model { return dao.StatsActivityHourly.Ctx(ctx) }, hourly, len(hourly)}} {
			if _, err := w.m().Where("day", day).Delete(); err != nil {
				return err
			}
			if w.n == 0 {
				continue
			}
			if _, err := w.m().Data(w.rows).Batch(500).Insert(); err != nil {
				return err
			}
		}
		frozen := 0
		if !now.Before(end.Add(grace)) {
			frozen = 1
		}
		_, err = dao.StatsDays.Ctx(ctx).Data(do.StatsDays{Day: day, Frozen: frozen, RefreshedAt: gtime.NewFromTime(now)}).OnConflict("day").Save()
		return err
	})
}

func cardBuckets(ctx context.Context, day string, start, end, upto time.Time) ([]do.StatsCardDaily, error) {
	agg := map[cardKey]*[4]int64{}
	get := func(r countRow) *[4]int64 {
		k := cardKey{r.OwnerId, r.ProjectId}
		if agg[k] == nil {
			agg[k] = &[4]int64{}
		}
		return agg[k]
	}
	count := func(m *gdb.Model, col, sum string, from, to time.Time) ([]countRow, error) {
		var rows []countRow
		err := m.Fields("owner_id, project_id, "+sum+" n").WhereGTE(col, from).WhereLT(col, to).
			Group("owner_id, project_id").Scan(&rows)
		if dbx.IsNoRows(err) {
			err = nil
		}
		return rows, err
	}
	steps := []struct {
		m        *gdb.Model
		col, sum string
		to       time.Time
		measure  int // index into created, activated, expired, disabled
	}{
		{dao.Cards.Ctx(ctx), "created_at", "COUNT(*)", end, 0},
		{dao.Cards.Ctx(ctx), "activated_at", "COUNT(*)", end, 1},
		{dao.Cards.Ctx(ctx), "expires_at", "COUNT(*)", upto, 2},
		{dao.Cards.Ctx(ctx), "disabled_at", "COUNT(*)", end, 3},
		{dao.CardBatches.Ctx(ctx), "disabled_at", "SUM(generated_count)", end, 3},
	}
	for _, st := range steps {
		rows, err := count(st.m, st.col, st.sum, start, st.to)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			get(r)[st.measure] += r.N
		}
	}
	out := make([]do.StatsCardDaily, 0, len(agg))
	for k, b := range agg {
		out = append(out, do.StatsCardDaily{Day: day, OwnerId: k.owner, ProjectId: k.project,
			Created: b[0], Activated: b[1], Expired: b[2], Disabled: b[3]})
	}
	return out, nil
}

func quotaBuckets(ctx context.Context, day string, start, end time.Time) ([]do.StatsQuotaDaily, error) {
	var rows []struct {
		UserId int64
		Type   string
		Qin    int64
		Qout   int64
		N      int64
	}
	err := dao.QuotaEntries.Ctx(ctx).Fields("user_id, type, "+
		"SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END) qin, SUM(CASE WHEN amount < 0 THEN -amount ELSE 0 END) qout, COUNT(*) n").
		Where("bucket", "available").WhereGTE("created_at", start).WhereLT("created_at", end).
		Group("user_id, type").Scan(&rows)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	out := make([]do.StatsQuotaDaily, 0, len(rows))
	for _, r := range rows {
		out = append(out, do.StatsQuotaDaily{Day: day, UserId: r.UserId, Type: r.Type, AmountIn: r.Qin, AmountOut: r.Qout, Entries: r.N})
	}
	return out, nil
}
