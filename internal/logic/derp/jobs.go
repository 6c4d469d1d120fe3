package derp

import (
	"context"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/model/do"
	"kami/internal/service"
)

// jobBatch bounds one job pass (§10: batches of 500, one short statement per row).
const jobBatch = 500

func init() {
	job.Register(job.Def{Name: "derp.serial_expire", Description: "Unused DERP serials past their 30 days become expired",
		DefaultSchedule: "0 10 0 * * *", Run: func(ctx context.Context) (int, error) {
			return service.Derp().ExpireSerials(ctx)
		}})
}

// ExpireSerials moves unused serials whose expires_at has passed to expired, each by a guarded
// UPDATE, so a claim racing with the job either wins or finds the serial expired (§4).
func (s *sDerp) ExpireSerials(ctx context.Context) (int, error) {
	cols := dao.DerpSerials.Columns()
	now := s.now()
	done := 0
	for {
		ids, err := dao.DerpSerials.Ctx(ctx).Fields(cols.Id).Where(cols.Status, serialUnused).
			WhereLTE(cols.ExpiresAt, now).OrderAsc(cols.Id).Limit(jobBatch).Array()
		if err != nil {
			return done, err
		}
		for _, id := range ids {
			n, err := dao.DerpSerials.Ctx(ctx).Data(do.DerpSerials{Status: serialExpired}).Where(cols.Id, id.Int64()).
				Where(cols.Status, serialUnused).UpdateAndGetAffected()
			if err != nil {
				return done, err
			}
			done += int(n)
		}
		if len(ids) < jobBatch || ctx.Err() != nil {
			return done, ctx.Err()
		}
	}
}
