package user

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/utility/dbx"
)

// purgeBatch bounds one DELETE.
const purgeBatch = 1000

// Purge deletes the user module's dead rows (the auth.purge job calls it): one-time tokens used
// or expired, and self-registrations never confirmed within their link's validity.
func (s *sUser) Purge(ctx context.Context, now time.Time) (int, error) {
	tc := dao.UserTokens.Columns()
	at := gtime.NewFromTime(now.UTC())
	tokens := func() *gdb.Model {
		return dao.UserTokens.Ctx(ctx).Wheref("(%s IS NOT NULL OR %s < ?)", tc.UsedAt, tc.ExpiresAt, at)
	}
	n, err := dbx.DeleteInBatches(ctx, tokens, tc.Id, purgeBatch)
	if err != nil {
		return n, err
	}
	m, err := purgePending(ctx, now)
	return n + m, err
}

// purgePending deletes self-registrations still pending once their verification link has
// expired, so an abandoned or hostile sign-up cannot hold a username or email forever, and then
// every token left without its user. A pending account with a live link is kept, whatever its
// age; the status condition is part of the DELETE, so an account enabled meanwhile stays.
func purgePending(ctx context.Context, now time.Time) (int, error) {
	uc, tc := dao.Users.Columns(), dao.UserTokens.Columns()
	at := gtime.NewFromTime(now.UTC())
	cutoff := gtime.NewFromTime(now.Add(-verifyTTL()).UTC())
	pending := func() *gdb.Model {
		live := dao.UserTokens.Ctx(ctx).Fields(tc.UserId).
			Where(tc.Purpose, purposeVerify).WhereNull(tc.UsedAt).WhereGTE(tc.ExpiresAt, at)
		return dao.Users.Ctx(ctx).Where(uc.Status, consts.StatusPending).WhereLT(uc.CreatedAt, cutoff).
			WhereNotIn(uc.Id, live)
	}
	n, err := dbx.DeleteInBatches(ctx, pending, uc.Id, purgeBatch)
	if err != nil {
		return n, err
	}
	orphans := func() *gdb.Model {
		return dao.UserTokens.Ctx(ctx).WhereNotIn(tc.UserId, dao.Users.Ctx(ctx).Fields(uc.Id))
	}
	m, err := dbx.DeleteInBatches(ctx, orphans, tc.Id, purgeBatch)
	return n + m, err
}
