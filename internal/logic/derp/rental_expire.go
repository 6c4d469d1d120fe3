package derp

import (
	"context"
	"fmt"
	"time"

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
// stops their containers (§10). Each row's update is guarded on the state the page read and on
// being past due, so a renewal racing with the job either lands first (the row no longer
// matches and is skipped) or renews the expired rental afterwards; the rows share a
// transaction per chunk (inChunks).
func (s *sDerp) ExpireRentals(ctx context.Context) (int, error) {
	cols := dao.DerpRentals.Columns()
	now := gtime.NewFromTime(s.now())
	done := 0
	for {
		var rows []*entity.DerpRentals
		err := dao.DerpRentals.Ctx(ctx).Fields(cols.Id, cols.UserId, cols.RentalNo, cols.State, cols.ExpiresAt).
			WhereIn(cols.State, []string{rentalActive, rentalSuspended}).WhereLTE(cols.ExpiresAt, now).
			OrderAsc(cols.Id).Limit(jobBatch).Scan(&rows)
		if err != nil && !dbx.IsNoRows(err) {
			return done, err
		}
		n, err := inChunks(ctx, len(rows), chunkScan{each: func(ctx context.Context, c *chunk, i int) (bool, error) {
			row := rows[i]
			n, err := dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{State: rentalExpired}).WherePri(row.Id).
				Where(cols.State, row.State).WhereLTE(cols.ExpiresAt, now).UpdateAndGetAffected()
			if err != nil || n != 1 {
				return false, err
			}
			c.setDesired(row.Id, rentalExpired)
			return true, nil
		}, end: func(ctx context.Context, c *chunk, changed []int) error {
			reqs := make([]noticeReq, len(changed))
			for j, i := range changed {
				reqs[j] = noticeReq{to: toRentalRow(rows[i]), kind: "expired", key: expiredKey(rows[i].Id, rows[i].ExpiresAt.Time)}
			}
			return s.noticesIn(ctx, c, reqs)
		}, after: func(changed []int) { s.invalidateAdmissions(ctx, idsAt(rows, changed)) }})
		done += n
		if err != nil {
			return done, err
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
