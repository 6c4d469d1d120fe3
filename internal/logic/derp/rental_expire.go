package derp

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/model/do"
	"kami/internal/service"
)

func init() {
	job.Register(job.Def{Name: "derp.expire", Description: "Active or suspended DERP rentals past expires_at become expired",
		DefaultSchedule: "@every 1m", Run: func(ctx context.Context) (int, error) {
			return service.Derp().ExpireRentals(ctx)
		}})
}

// ExpireRentals moves active and suspended rentals whose expires_at has passed to expired and
// stops their containers (§10), one short transaction per row guarded on the state it read, so
// a renewal racing with the job either lands first (the row no longer matches) or renews the
// expired rental afterwards.
func (s *sDerp) ExpireRentals(ctx context.Context) (int, error) {
	cols := dao.DerpRentals.Columns()
	now := gtime.NewFromTime(s.now())
	done := 0
	for {
		rows, err := dao.DerpRentals.Ctx(ctx).Fields(cols.Id, cols.State).WhereIn(cols.State,
			[]string{rentalActive, rentalSuspended}).WhereLTE(cols.ExpiresAt, now).OrderAsc(cols.Id).Limit(jobBatch).All()
		if err != nil {
			return done, err
		}
		for _, row := range rows {
			id, state := row[cols.Id].Int64(), row[cols.State].String()
			err := dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
				n, err := dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{State: rentalExpired}).WherePri(id).
					Where(cols.State, state).WhereLTE(cols.ExpiresAt, now).UpdateAndGetAffected()
				if err != nil || n != 1 {
					return err
				}
				done++
				return setDesired(ctx, id, rentalExpired)
			})
			if err != nil {
				return done, err
			}
			s.invalidateAdmission(ctx, id)
		}
		if len(rows) < jobBatch || ctx.Err() != nil {
			return done, ctx.Err()
		}
	}
}
