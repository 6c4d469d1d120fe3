package auth

import (
	"context"
	"kami/utility/dbx"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/logic/job"
)

// PurgeJob is the name of the job that deletes dead sessions and one-time tokens. Captchas,
// lockout counters and nonces live in Redis with TTLs and need no purge.
const PurgeJob = "auth.purge"

// sessionKeep is how long an expired or revoked session stays visible (for "where was I logged
// in" and incident review) before it is deleted.
const sessionKeep = 30 * 24 * time.Hour

// purgeBatch bounds one DELETE, so a large backlog never holds a long lock on the table.
const purgeBatch = 1000

func init() {
	job.Register(job.Def{
		Name:            PurgeJob,
		Description:     "Delete refresh sessions expired or revoked over 30 days ago, used or expired email/reset tokens, and self-registrations never confirmed within their link's validity",
		DefaultSchedule: "0 15 * * * *", // hourly at :15
		Run:             purge,
	})
}

func purge(ctx context.Context) (int, error) {
	old := gtime.New(time.Now().Add(-sessionKeep))
	sc := dao.UserSessions.Columns()
	sessions := func() *gdb.Model {
		return dao.UserSessions.Ctx(ctx).Wheref("(%s < ? OR %s < ?)", sc.ExpiresAt, sc.RevokedAt, old, old)
	}
	n, err := deleteInBatches(ctx, sessions, sc.Id)
	if err != nil {
		return n, err
	}
	tc := dao.UserTokens.Columns()
	now := gtime.Now()
	tokens := func() *gdb.Model {
		return dao.UserTokens.Ctx(ctx).Wheref("(%s IS NOT NULL OR %s < ?)", tc.UsedAt, tc.ExpiresAt, now)
	}
	m, err := deleteInBatches(ctx, tokens, tc.Id)
	if err != nil {
		return n + m, err
	}
	p, err := purgePending(ctx, time.Now())
	return n + m + p, err
}

// deleteInBatches deletes the rows query selects, purgeBatch ids at a time (DELETE ... LIMIT is
// not portable to SQLite).
func deleteInBatches(ctx context.Context, query func() *gdb.Model, idCol string) (int, error) {
	total := 0
	for ctx.Err() == nil {
		ids, err := query().Fields(idCol).Limit(purgeBatch).Array()
		if err != nil && !dbx.IsNoRows(err) {
			return total, err
		}
		if len(ids) == 0 {
			return total, nil
		}
		res, err := query().WhereIn(idCol, ids).Delete()
		if err != nil {
			return total, err
		}
		n, _ := res.RowsAffected()
		total += int(n)
		if len(ids) < purgeBatch {
			return total, nil
		}
	}
	return total, ctx.Err()
}
