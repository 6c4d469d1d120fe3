package derp

import (
	"context"
	"fmt"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
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
		var rows []entity.DerpRentals
		err := dao.DerpRentals.Ctx(ctx).Fields(cols.Id, cols.State, cols.ExpiresAt).WhereIn(cols.State,
			[]string{rentalActive, rentalSuspended}).WhereLTE(cols.ExpiresAt, now).OrderAsc(cols.Id).Limit(jobBatch).Scan(&rows)
		if err != nil && !dbx.IsNoRows(err) {
			return done, err
		}
		for _, row := range rows {
			id, state := row.Id, row.State
			err := dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
				n, err := dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{State: rentalExpired}).WherePri(id).
					Where(cols.State, state).WhereLTE(cols.ExpiresAt, now).UpdateAndGetAffected()
				if err != nil || n != 1 {
					return err
				}
				done++
				if err = setDesired(ctx, id, rentalExpired); err != nil {
					return err
				}
				_, err = s.notice(ctx, tx, toRental(id), "expired", nil, expiredKey(id, row.ExpiresAt.Time))
				return err
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

// expiredKey is once per rental and expiry: a renewed rental that lapses again is told again.
func expiredKey(rentalID int64, expires time.Time) string {
	return fmt.Sprintf("expired:%d:%d", rentalID, expires.Unix())
}
