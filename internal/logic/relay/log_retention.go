package relay

import (
	"context"
	"time"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/service"
	"kami/utility/dbx"
)

// RetentionJob deletes relay logs older than relay.logRetentionDays (relay.md §7).
const RetentionJob = "relay.log.retention"

// retentionBatch bounds one DELETE, so the purge never holds a long lock (or exceeds TiDB's
// transaction size) however many rows are due.
const retentionBatch = 5000

func init() {
	job.Register(job.Def{Name: RetentionJob, DefaultSchedule: "@daily",
		Description: "Delete relay request logs older than relay.logRetentionDays, 5000 rows per batch",
		Run:         func(ctx context.Context) (int, error) { return service.Relay().LogRetentionRun(ctx) }})
}

// LogRetentionRun deletes the relay logs created before now − relay.logRetentionDays, oldest
// first, in batches of ids (a portable DELETE … WHERE id IN, no DELETE … LIMIT). It returns the
// number of rows deleted.
func (s *sRelay) LogRetentionRun(ctx context.Context) (int, error) {
	days := service.Settings().Int("relay.logRetentionDays")
	if days < 1 {
		days = 90
	}
	cutoff := s.now().UTC().Add(-time.Duration(days) * 24 * time.Hour)
	c := dao.RelayLogs.Columns()
	n := 0
	for {
		vals, err := dao.RelayLogs.Ctx(ctx).Fields(c.Id).WhereLT(c.CreatedAt, cutoff).OrderAsc(c.Id).
			Limit(retentionBatch).Array()
		if err != nil && !dbx.IsNoRows(err) {
			return n, err
		}
		if len(vals) == 0 {
			return n, nil
		}
		ids := make([]int64, len(vals))
		for i, v := range vals {
			ids[i] = v.Int64()
		}
		if _, err = dao.RelayLogs.Ctx(ctx).WhereIn(c.Id, ids).Delete(); err != nil {
			return n, err
		}
		n += len(ids)
		if len(ids) < retentionBatch {
			return n, nil
		}
	}
}
