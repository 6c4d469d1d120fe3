package derp

import (
	"context"
	"fmt"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/scope"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

const (
	orderKindAdminExtend = "admin_extend"
	payNone              = "none"
	periodExtend         = "extend"
	containerStopped     = "stopped"
)

// scopedRental is the rental if it is in the caller's scope (§2: out of scope → 404).
func scopedRental(ctx context.Context, id int64) (*entity.DerpRentals, error) {
	var r *entity.DerpRentals
	err := scope.Apply(ctx, dao.DerpRentals.Ctx(ctx).WherePri(id), dao.DerpRentals.Columns().DistributorId).Scan(&r)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if r == nil {
		return nil, errs.NotFound.New()
	}
	return r, nil
}

// RentalExtend sets a rental's expiry to exactly req.ExpiresAt (§5): later than now, and later
// than the current expiry unless allowShorten. It writes an admin_extend order (amount 0) and a
// period and reactivates an expired or suspended rental.
func (s *sDerp) RentalExtend(ctx context.Context, req *v1.RentalExtendReq) (*v1.RentalExtendRes, error) {
	at, err := timefmt.Parse(req.ExpiresAt)
	if err != nil || at == nil {
		return nil, errs.InvalidInput.New()
	}
	r, err := scopedRental(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	now := s.now()
	end := at.Time
	if !end.After(now) || (!req.AllowShorten && !end.After(r.ExpiresAt.Time)) {
		return nil, errs.InvalidInput.New()
	}
	if !renewable(r.State) {
		return nil, errs.DerpInvalidState.New()
	}
	err = dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		cols := dao.DerpRentals.Columns()
		n, err := dao.DerpRentals.Ctx(ctx).Data(g.Map{cols.State: rentalActive, cols.SuspendReason: "",
			cols.ExpiresAt: gtime.NewFromTime(end)}).WherePri(r.Id).Where(cols.State, r.State).
			Where(cols.ExpiresAt, r.ExpiresAt).UpdateAndGetAffected()
		if err != nil {
			return err
		}
		if n != 1 {
			return errs.DerpInvalidState.New()
		}
		orderID, err := dao.DerpOrders.Ctx(ctx).Data(do.DerpOrders{OrderNo: newOrderNo(now), Kind: orderKindAdminExtend,
			BuyerId: r.UserId, DistributorId: r.DistributorId, PlanId: r.PlanId, Count: 1, PayMethod: payNone,
			Status: orderCompleted, RentalId: r.Id, CreatedAt: gtime.NewFromTime(now),
			CompletedAt: gtime.NewFromTime(now)}).InsertAndGetId()
		if err != nil {
			return err
		}
		start := r.ExpiresAt.Time
		if now.After(start) || end.Before(start) {
			start = now
		}
		days := int(end.Sub(start) / (24 * time.Hour))
		if err = s.insertPeriod(ctx, r.Id, periodExtend, orderID, 0, r.PlanId, days, 0, start, end); err != nil {
			return err
		}
		return setDesired(ctx, r.Id, rentalActive)
	})
	if err != nil {
		return nil, err
	}
	s.invalidateAdmission(ctx, r.Id)
	return s.RentalGet(ctx, &v1.RentalGetReq{Id: r.Id})
}

// RentalSuspend moves an active rental to suspended with the reason; its containers stop.
func (s *sDerp) RentalSuspend(ctx context.Context, req *v1.RentalSuspendReq) (*v1.RentalSuspendRes, error) {
	return s.transition(ctx, req.Id, rentalActive, rentalSuspended, req.Reason)
}

// RentalResume moves a suspended rental back to active; its containers run again. A rental past
// its expiry is not resumed (it needs a renewal or an extend).
func (s *sDerp) RentalResume(ctx context.Context, req *v1.RentalResumeReq) (*v1.RentalResumeRes, error) {
	return s.transition(ctx, req.Id, rentalSuspended, rentalActive, "")
}

func (s *sDerp) transition(ctx context.Context, id int64, from, to, reason string) (*v1.RentalGetRes, error) {
	r, err := scopedRental(ctx, id)
	if err != nil {
		return nil, err
	}
	err = dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		cols := dao.DerpRentals.Columns()
		m := dao.DerpRentals.Ctx(ctx).Data(g.Map{cols.State: to, cols.SuspendReason: reason}).WherePri(r.Id).
			Where(cols.State, from)
		if to == rentalActive {
			m = m.WhereGT(cols.ExpiresAt, gtime.NewFromTime(s.now()))
		}
		n, err := m.UpdateAndGetAffected()
		if err != nil {
			return err
		}
		if n != 1 {
			return errs.DerpInvalidState.New()
		}
		if err = setDesired(ctx, r.Id, to); err != nil {
			return err
		}
		if to != rentalSuspended {
			return nil
		}
		_, err = s.notice(ctx, tx, toRental(r.Id), "suspended", map[string]any{"reason": reason},
			fmt.Sprintf("suspended:%d:%s:%d", r.Id, reason, s.now().Unix()))
		return err
	})
	if err != nil {
		return nil, err
	}
	s.invalidateAdmission(ctx, r.Id)
	return s.RentalGet(ctx, &v1.RentalGetReq{Id: r.Id})
}

// setDesired points the rental's live containers at §4's target for its state (active →
// running, suspended or expired → stopped); the host worker converges them after the commit.
func setDesired(ctx context.Context, rentalID int64, state string) error {
	return setDesiredOf(ctx, []int64{rentalID}, state)
}

// setDesiredOf is setDesired for rentals that share a state, in three statements.
func setDesiredOf(ctx context.Context, rentalIDs []int64, state string) error {
	if len(rentalIDs) == 0 {
		return nil
	}
	want := containerStopped
	if state == rentalActive {
		want = containerRunning
	}
	cc := dao.DerpContainers.Columns()
	if _, err := dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{Desired: want}).WhereIn(cc.RentalId, rentalIDs).
		WhereIn(cc.Desired, []string{containerRunning, containerStopped}).Update(); err != nil {
		return err
	}
	// The host follows after the commit: one converge per live container (derp-ops).
	ids, err := liveContainerIDs(ctx, rentalIDs...)
	if err != nil {
		return err
	}
	return queueConverge(ctx, ids)
}

func (s *sDerp) insertPeriod(ctx context.Context, rentalID int64, kind string, orderID, serialID, planID int64, days int,
	traffic int64, start, end time.Time) error {
	row := do.DerpRentalPeriods{RentalId: rentalID, Kind: kind, OrderId: orderID, PlanId: planID, Days: days,
		TrafficBytes: traffic, StartsAt: gtime.NewFromTime(start), EndsAt: gtime.NewFromTime(end)}
	if p := principal.From(ctx); p != nil {
		row.ActorId = p.UserID
	}
	if serialID != 0 {
		row.SerialId = serialID
	}
	_, err := dao.DerpRentalPeriods.Ctx(ctx).Data(row).Insert()
	return err
}
