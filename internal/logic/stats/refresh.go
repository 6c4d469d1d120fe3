package stats

import (
	"context"
	"sort"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/infra/redisx"
	"kami/internal/service"
	"kami/utility/dbx"
	"kami/utility/redislock"
)

// Incremental refresh. Each run recomputes, from the raw tables, every day that is not frozen:
// today, any day since the last run (a node down over midnight leaves none out), and earlier
// days still within stats.lateGrace of their end. A day is frozen by the first run that starts
// at least lateGrace after the day ended, so a fact whose transaction commits after midnight
// (stamped with its own time, 23:59:59) is still counted. Later than that, a fact can only be
// lost if nothing marks its day: ledger entries and cards carry ids, so each run also looks at
// the rows above the previous run's high-water ids (stats_state) and recomputes every frozen day
// they fall in — a slow or back-dated insert reopens its day instead of being dropped.

// watermarked are the tables whose new rows (by id) reopen the days they fall in.
var watermarked = []struct {
	key   string
	model func(ctx context.Context) *gdb.Model
}{
	{"quota_entries", func(ctx context.Context) *gdb.Model { return dao.QuotaEntries.Ctx(ctx) }},
	{"cards", func(ctx context.Context) *gdb.Model { return dao.Cards.Ctx(ctx) }},
}

// Refresh is one run of the stats.refresh job; it answers how many days it recomputed. Runs
// are serialized by a Redis lock, whoever starts them (the job runs once per schedule, but a
// manual run or a direct call may overlap a scheduled one): two recomputations of one day
// would otherwise race their delete and insert.
func (s *sStats) Refresh(ctx context.Context) (int, error) {
	n := 0
	err := s.locks().Do(ctx, redisx.Key("lock", "stats", "refresh"), 30*time.Second, func(ctx context.Context) error {
		var err error
		n, err = s.refresh(ctx)
		return err
	})
	return n, err
}

func (s *sStats) locks() *redislock.Locker {
	if l := s.locker.Load(); l != nil {
		return l
	}
	s.locker.CompareAndSwap(nil, redislock.New(g.Redis()))
	return s.locker.Load()
}

func (s *sStats) refresh(ctx context.Context) (int, error) {
	now := s.now()
	grace := service.Settings().Duration(settingLateGrace)
	days, marks, err := s.pending(ctx, now)
	if err != nil {
		return 0, err
	}
	for i, d := range days {
		if err = s.recompute(ctx, d, now, grace); err != nil {
			return i, err
		}
	}
	// The high-water ids move only after their days were recomputed: a failed run leaves them,
	// so the next run reopens the same days.
	for k, v := range marks {
		if err = putState(ctx, k, v, now); err != nil {
			return len(days), err
		}
	}
	return len(days), nil
}

// pending lists the days to recompute, in order, and the new high-water ids.
func (s *sStats) pending(ctx context.Context, now time.Time) ([]string, map[string]int64, error) {
	today := dayOf(now)
	set := map[string]bool{today: true}
	cols := dao.StatsDays.Columns()
	last, err := dao.StatsDays.Ctx(ctx).Fields(cols.Day).OrderDesc(cols.Day).Limit(1).Value()
	if err != nil && !dbx.IsNoRows(err) {
		return nil, nil, err
	}
	var first string
	if last.IsEmpty() {
		// The first run backfills from the earliest fact on.
		if first, err = earliestDay(ctx); err != nil {
			return nil, nil, err
		}
	} else {
		first = nextDay(last.String())
	}
	if first != "" && first < today {
		for _, d := range span(first, today) {
			set[d] = true
		}
	}
	open, err := dao.StatsDays.Ctx(ctx).Fields(cols.Day).Where(cols.Frozen, 0).WhereLTE(cols.Day, today).Array()
	if err != nil && !dbx.IsNoRows(err) {
		return nil, nil, err
	}
	for _, v := range open {
		set[v.String()] = true
	}
	marks := map[string]int64{}
	for _, w := range watermarked {
		from, to, top, err := lateSince(ctx, w.key, w.model)
		if err != nil {
			return nil, nil, err
		}
		if top == 0 {
			continue
		}
		marks[w.key] = top
		if from != "" && from < today {
			for _, d := range span(from, min(to, today)) {
				set[d] = true
			}
		}
	}
	days := make([]string, 0, len(set))
	for d := range set {
		days = append(days, d)
	}
	sort.Strings(days)
	return days, marks, nil
}

// earliestDay is the day of the oldest fact of any aggregated table ("" when there is none).
// The smallest id is the oldest row, so this reads one row per table through its primary key.
func earliestDay(ctx context.Context) (string, error) {
	first := ""
	for _, m := range []*gdb.Model{dao.Cards.Ctx(ctx), dao.QuotaEntries.Ctx(ctx), dao.LoginLogs.Ctx(ctx),
		dao.OperationLogs.Ctx(ctx), dao.CardBatches.Ctx(ctx)} {
		v, err := m.Fields("created_at").OrderAsc("id").Limit(1).Value()
		if err != nil && !dbx.IsNoRows(err) {
			return "", err
		}
		if v.IsNil() || v.IsEmpty() {
			continue
		}
		if d := dayOf(v.Time()); first == "" || d < first {
			first = d
		}
	}
	return first, nil
}

// lateSince answers the first and last day of the rows above the table's high-water id and the
// new high-water id (0: no new rows).
func lateSince(ctx context.Context, key string, m func(context.Context) *gdb.Model) (string, string, int64, error) {
	mark, err := dao.StatsState.Ctx(ctx).Fields(dao.StatsState.Columns().V).WherePri(key).Value()
	if err != nil && !dbx.IsNoRows(err) {
		return "", "", 0, err
	}
	var r struct {
		First *gtime.Time
		Last  *gtime.Time
		Top   int64
	}
	err = m(ctx).Fields("MIN(created_at) first, MAX(created_at) last, MAX(id) top").WhereGT("id", mark.Int64()).Scan(&r)
	if err != nil && !dbx.IsNoRows(err) {
		return "", "", 0, err
	}
	if r.Top == 0 || r.First == nil || r.Last == nil {
		return "", "", r.Top, nil
	}
	return dayOf(r.First.Time), dayOf(r.Last.Time), r.Top, nil
}

func putState(ctx context.Context, key string, v int64, now time.Time) error {
	_, err := dao.StatsState.Ctx(ctx).Data(gdb.Map{"k": key, "v": v, "updated_at": now}).OnConflict("k").Save()
	return err
}
