package auth

import (
	"context"
	"kami/utility/dbx"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/service"
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
		Run:             func(ctx context.Context) (int, error) { return service.Auth().Purge(ctx) },
	})
}

// Purge deletes the dead rows of the auth.purge job, as of the service's clock.
func (s *sAuth) Purge(ctx context.Context) (int, error) {
	now := s.clock.Now()
	old := gtime.New(now.Add(-sessionKeep))
	sc := dao.UserSessions.Columns()
	sessions := func() *gdb.Model {
		return dao.UserSessions.Ctx(ctx).Wheref("(%s < ? OR %s < ?)", sc.ExpiresAt, sc.RevokedAt, old, old)
	}
	n, err := dbx.DeleteInBatches(ctx, sessions, sc.Id, purgeBatch)
	if err != nil {
		return n, err
	}
	// Tokens and unconfirmed sign-ups are the user module's rows: it purges them itself.
	m, err := service.User().Purge(ctx, now)
	return n + m, err
}
