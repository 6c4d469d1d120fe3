package user

import (
	"context"
	"strconv"

	"kami/internal/consts"
	"kami/internal/idemkey"
	"kami/internal/model"
	"kami/internal/principal"
	"kami/internal/service"
)

// withInitialQuota runs insert (the user's transaction) with a hook that gives the new user
// amount units inside that transaction, so a refused movement leaves no user behind. The
// super-admin's gift is a system credit; anyone else's leaves the creator's available quota.
// The creator's account lock is taken before insert opens its transaction: on SQLite's single
// connection, a lock awaited inside a transaction could wait on a holder that waits for the
// connection. The new account needs no lock taken early, as nobody else can touch it yet.
func withInitialQuota(ctx context.Context, amount int64,
	insert func(ctx context.Context, after func(ctx context.Context, id int64) error) error) error {
	if amount <= 0 {
		return insert(ctx, nil)
	}
	p := principal.From(ctx)
	after := func(ctx context.Context, id int64) error {
		ref, key := "user:"+strconv.FormatInt(id, 10), idemkey.Derive(ctx, "initial")
		var err error
		if p.Role == consts.RoleSuperAdmin {
			_, err = service.Quota().Credit(ctx, nil, model.QuotaMove{UserID: id, Amount: amount,
				Type: model.QuotaTypeInitial, Ref: ref, IdemKey: key})
		} else {
			_, err = service.Quota().Transfer(ctx, nil, model.QuotaTransfer{FromUserID: p.UserID, ToUserID: id,
				Amount: amount, Type: model.QuotaTypeInitial, Ref: ref, IdemKey: key})
		}
		return err
	}
	if p.Role == consts.RoleSuperAdmin {
		return insert(ctx, after)
	}
	return service.Quota().Lock(ctx, []int64{p.UserID}, func(ctx context.Context) error { return insert(ctx, after) })
}
