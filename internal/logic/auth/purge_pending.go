package auth

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/service"
)

// verifyPurpose is the user_tokens purpose of the self-registration link (see logic/user).
const verifyPurpose = "verify"

// purgePending deletes self-registrations still pending once their verification link has
// expired, so an abandoned or hostile sign-up cannot hold a username or email forever, and then
// every token left without its user. A pending account with a live link is kept, whatever its
// age; the status condition is part of the DELETE, so an account enabled meanwhile stays.
func purgePending(ctx context.Context, now time.Time) (int, error) {
	uc, tc := dao.Users.Columns(), dao.UserTokens.Columns()
	at := gtime.NewFromTime(now.UTC())
	cutoff := gtime.NewFromTime(now.Add(-service.Settings().Duration("register.verifyTtl")).UTC())
	pending := func() *gdb.Model {
		live := dao.UserTokens.Ctx(ctx).Fields(tc.UserId).
			Where(tc.Purpose, verifyPurpose).WhereNull(tc.UsedAt).WhereGTE(tc.ExpiresAt, at)
		return dao.Users.Ctx(ctx).Where(uc.Status, consts.StatusPending).WhereLT(uc.CreatedAt, cutoff).
			WhereNotIn(uc.Id, live)
	}
	n, err := deleteInBatches(ctx, pending, uc.Id)
	if err != nil {
		return n, err
	}
	orphans := func() *gdb.Model {
		return dao.UserTokens.Ctx(ctx).WhereNotIn(tc.UserId, dao.Users.Ctx(ctx).Fields(uc.Id))
	}
	m, err := deleteInBatches(ctx, orphans, tc.Id)
	return n + m, err
}
