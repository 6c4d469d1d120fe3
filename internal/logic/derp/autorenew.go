package derp

import (
	"context"
	"fmt"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/idemkey"
	"kami/internal/logic/job"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
)

// autoRenewWindow is how long before expiry an auto-renewing rental is renewed (seed 004 自动续费):
// a day, so a failed attempt (no balance yet) is retried hourly before the service stops.
const autoRenewWindow = day

func init() {
	job.Register(job.Def{Name: "derp.auto_renew",
		Description:     "Renew DERP rentals that opted in, from the customer's balance, in the day before they expire",
		DefaultSchedule: "0 5 * * * *", Run: func(ctx context.Context) (int, error) {
			return service.Derp().AutoRenewRentals(ctx)
		}})
}

// MeRentalAutoRenew turns the caller's rental's auto-renewal on or off.
func (s *sDerp) MeRentalAutoRenew(ctx context.Context, req *v1.MeRentalAutoRenewReq) (*v1.MeRentalAutoRenewRes, error) {
	r, err := myRental(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	on := 0
	if *req.AutoRenew {
		on = 1
	}
	cols := dao.DerpRentals.Columns()
	n, err := dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{AutoRenew: on}).WherePri(r.Id).
		WhereIn(cols.State, []string{rentalActive, rentalSuspended, rentalExpired}).UpdateAndGetAffected()
	if err != nil {
		return nil, err
	}
	if n != 1 {
		return nil, errs.DerpInvalidState.New()
	}
	return &v1.MeRentalAutoRenewRes{Id: r.Id, AutoRenew: on == 1}, nil
}

// AutoRenewRentals is derp.auto_renew: every active rental that opted in and expires within a
// day is renewed by one term of its plan, paid from the customer's balance exactly like a
// renewal the customer makes (ledger, commission, period, ACL version). The order's
// idempotency key auto_renew:<rid>:<expires_at> makes it once per expiry however runs overlap;
// a short balance or a disabled plan leaves the rental as it is (the reminders still go out).
func (s *sDerp) AutoRenewRentals(ctx context.Context) (int, error) {
	cols := dao.DerpRentals.Columns()
	now := s.now()
	done := 0
	var last int64
	for {
		var rows []*entity.DerpRentals
		err := dao.DerpRentals.Ctx(ctx).Where(cols.State, rentalActive).WhereGT(cols.ExpiresAt, gtime.NewFromTime(now)).
			WhereLTE(cols.ExpiresAt, gtime.NewFromTime(now.Add(autoRenewWindow))).Where(afterID, last).
			OrderAsc(cols.Id).Limit(jobBatch).Scan(&rows)
		if err != nil && !dbx.IsNoRows(err) {
			return done, err
		}
		for _, r := range rows {
			last = r.Id
			if r.AutoRenew != 1 {
				continue
			}
			ok, err := s.autoRenew(ctx, r)
			if err != nil {
				return done, err
			}
			if ok {
				done++
			}
		}
		if len(rows) < jobBatch || ctx.Err() != nil {
			return done, ctx.Err()
		}
	}
}

func (s *sDerp) autoRenew(ctx context.Context, r *entity.DerpRentals) (bool, error) {
	var u *entity.Users
	if err := dao.Users.Ctx(ctx).WherePri(r.UserId).Scan(&u); err != nil || u == nil {
		return false, err
	}
	dist, err := distributorOf(ctx, u)
	if err != nil {
		return false, err
	}
	key := fmt.Sprintf("auto_renew:%d:%d", r.Id, r.ExpiresAt.Unix())
	ctx = idemkey.With(ctx, key)
	lock := []int64{u.Id}
	if dist != nil {
		lock = append(lock, dist.UserId)
	}
	err = service.Quota().Lock(ctx, lock, func(ctx context.Context) error {
		return dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			_, err := s.renewByBalance(ctx, tx, u, dist, r, r.PlanId, key)
			return err
		})
	})
	switch {
	case err == nil:
		return true, nil
	case dbx.IsUniqueViolation(err), errs.Is(err, errs.DerpInvalidState), errs.Is(err, errs.QuotaInsufficient):
		return false, nil // renewed by another run, changed meanwhile, or nothing to pay with yet
	}
	return false, err
}
