package relay

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/service"
	"kami/utility/dbx"
)

// RollupJob folds relay_logs into relay_stats_hourly (relay.md §7: ≤ 2 min stale).
const RollupJob = "relay.stats.rollup"

// hourKey is the UTC hour a row of relay_stats_hourly covers, as the VARCHAR(13) key holds it.
const hourKey = "2006-01-02 15"

func init() {
	job.Register(job.Def{Name: RollupJob, DefaultSchedule: "@every 1m",
		Description: "Recompute the hourly relay statistics of the current and previous hour from relay_logs",
		Run:         func(ctx context.Context) (int, error) { return service.Relay().StatsRollup(ctx) }})
}

// rollupRow is one (user, model, channel) group of an hour.
type rollupRow struct {
	UserId           int64  `orm:"user_id"`
	Model            string `orm:"model"`
	ChannelId        int64  `orm:"channel_id"`
	Requests         int64  `orm:"requests"`
	Success          int64  `orm:"success"`
	PromptTokens     int64  `orm:"prompt_tokens"`
	CompletionTokens int64  `orm:"completion_tokens"`
	Quota            int64  `orm:"quota"`
}

// StatsRollup recomputes the current and previous UTC hour of relay_stats_hourly from the
// logs. Each group's row is overwritten with totals (never incremented), so a rerun, or two
// nodes running it at once, leaves the same figures: the run is idempotent. It returns the
// number of rows written.
func (s *sRelay) StatsRollup(ctx context.Context) (int, error) {
	cur := s.now().UTC().Truncate(time.Hour)
	n := 0
	for _, h := range []time.Time{cur.Add(-time.Hour), cur} {
		k, err := s.rollupHour(ctx, h)
		if err != nil {
			return n, err
		}
		n += k
	}
	return n, nil
}

func (s *sRelay) rollupHour(ctx context.Context, h time.Time) (int, error) {
	c := dao.RelayLogs.Columns()
	var rows []rollupRow
	// Plain GROUP BY with SUM(CASE …): the same SQL on SQLite, MySQL and TiDB.
	err := dao.RelayLogs.Ctx(ctx).
		Fields("user_id, model, channel_id, COUNT(*) AS requests, "+
			"SUM(CASE WHEN status = 'success' THEN 1 ELSE 0 END) AS success, "+
			"SUM(prompt_tokens) AS prompt_tokens, SUM(completion_tokens) AS completion_tokens, SUM(quota) AS quota").
		WhereGTE(c.CreatedAt, h).WhereLT(c.CreatedAt, h.Add(time.Hour)).
		Group(c.UserId, c.Model, c.ChannelId).Scan(&rows)
	if err != nil && !dbx.IsNoRows(err) {
		return 0, err
	}
	key, now := h.Format(hourKey), gtime.NewFromTime(s.now())
	sc := dao.RelayStatsHourly.Columns()
	for _, r := range rows {
		// OnConflict(...).Save() is gf's dialect-neutral upsert (ON DUPLICATE KEY UPDATE on
		// MySQL/TiDB, ON CONFLICT on SQLite).
		if _, err = dao.RelayStatsHourly.Ctx(ctx).Data(map[string]any{
			sc.Hour: key, sc.UserId: r.UserId, sc.Model: r.Model, sc.ChannelId: r.ChannelId,
			sc.Requests: r.Requests, sc.Success: r.Success, sc.Failed: r.Requests - r.Success,
			sc.PromptTokens: r.PromptTokens, sc.CompletionTokens: r.CompletionTokens, sc.Quota: r.Quota,
			sc.UpdatedAt: now,
		}).OnConflict(sc.Hour, sc.UserId, sc.Model, sc.ChannelId).Save(); err != nil {
			return 0, err
		}
	}
	return len(rows), nil
}
