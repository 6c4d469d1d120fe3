package derp

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
)

const (
	rentalDeregistering = "deregistering"
	containerRemoved    = "removed"
	containerAbandoned  = "abandoned"

	// deregisterGrace is how long an expired rental keeps its containers and ports (§4).
	deregisterGrace = 30 * day
	// portQuarantine keeps a removed container's port from the next tenant (§4).
	portQuarantine = 7 * day
	// abandonAfter gives up a removal the host never confirmed (§4: unreachable 24 h).
	abandonAfter = 24 * time.Hour

	// hold reasons: why an expired rental past its grace is not deregistered yet.
	holdPendingOrder   = "pending_order"
	holdNegative       = "negative_balance"
	holdPaymentPending = "payment_pending"
)

// unsettled names what keeps the customer's account from being settled (§4), or "": an order
// waiting for review, a negative ledger balance, or a reservation (a payment) still in flight.
func unsettled(ctx context.Context, userID int64) (string, error) {
	m, err := unsettledOf(ctx, []int64{userID})
	return m[userID], err
}

// unsettledOf is unsettled for the owners of a page of rentals: the orders waiting for review
// in one read, then the balance of each owner without one. Settled owners are absent.
func unsettledOf(ctx context.Context, userIDs []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(userIDs) == 0 {
		return out, nil
	}
	oc := dao.DerpOrders.Columns()
	pending, err := dao.DerpOrders.Ctx(ctx).Fields(oc.BuyerId).Distinct().WhereIn(oc.BuyerId, userIDs).
		Where(oc.Status, orderPendingReview).Array()
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, v := range pending {
		out[v.Int64()] = holdPendingOrder
	}
	for _, u := range userIDs {
		if _, held := out[u]; held {
			continue
		}
		b, err := service.Quota().Balance(ctx, u)
		if err != nil {
			return nil, err
		}
		switch {
		case b.Available < 0:
			out[u] = holdNegative
		case b.Frozen > 0:
			out[u] = holdPaymentPending
		}
	}
	return out, nil
}

// holdRental records why the rental waits (a guarded UPDATE, so a renewal racing it wins).
func holdRental(ctx context.Context, r *entity.DerpRentals, reason string) error {
	if r.HoldReason == reason {
		return nil
	}
	cols := dao.DerpRentals.Columns()
	_, err := dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{HoldReason: reason}).WherePri(r.Id).
		Where(cols.State, rentalExpired).Update()
	return err
}

// beginDeregister moves the rental from the state it was read in to deregistering (guarded on
// that state and expiry, and on the grace cutoff when the job does it) and points its live
// containers at removed, queueing their removal for the host worker. No host is contacted.
func (s *sDerp) beginDeregister(ctx context.Context, r *entity.DerpRentals, cutoff *time.Time) (bool, error) {
	won := false
	err := dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		var err error
		won, err = s.beginDeregisterIn(ctx, r, cutoff)
		return err
	})
	if won && err == nil {
		s.invalidateAdmission(ctx, r.Id)
	}
	return won, err
}

// beginDeregisterIn is beginDeregister inside the caller's transaction; the caller drops the
// rental's admission once it commits.
func (s *sDerp) beginDeregisterIn(ctx context.Context, r *entity.DerpRentals, cutoff *time.Time) (bool, error) {
	won, err := claimDeregister(ctx, r, cutoff)
	if err != nil || !won {
		return false, err
	}
	return true, removeContainersOf(ctx, []int64{r.Id})
}

// claimDeregister moves the rental to deregistering, guarded on the state and expiry it was
// read with (and on the cutoff, when given).
func claimDeregister(ctx context.Context, r *entity.DerpRentals, cutoff *time.Time) (bool, error) {
	cols := dao.DerpRentals.Columns()
	m := dao.DerpRentals.Ctx(ctx).Data(g.Map{cols.State: rentalDeregistering, cols.HoldReason: ""}).WherePri(r.Id).
		Where(cols.State, r.State).Where(cols.ExpiresAt, r.ExpiresAt)
	if cutoff != nil {
		m = m.WhereLTE(cols.ExpiresAt, gtime.NewFromTime(*cutoff))
	}
	n, err := m.UpdateAndGetAffected()
	return n == 1, err
}

// removeContainersOf points the rentals' live containers (failed ones too: they must go as
// well) at removed and queues their converge ops through queueConverge, inside the caller's
// transaction; the op's created_at is the service clock's, which abandonStuck measures its
// 24 h from.
func removeContainersOf(ctx context.Context, rentalIDs []int64) error {
	if len(rentalIDs) == 0 {
		return nil
	}
	cc := dao.DerpContainers.Columns()
	if _, err := dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{Desired: containerRemoved}).WhereIn(cc.RentalId, rentalIDs).
		WhereNotIn(cc.State, []string{containerRemoved, containerAbandoned}).Update(); err != nil {
		return err
	}
	live, err := ids(dao.DerpContainers.Ctx(ctx).Fields(cc.Id).WhereIn(cc.RentalId, rentalIDs).
		WhereNotIn(cc.State, []string{containerRemoved, containerAbandoned}).Array())
	if err != nil && !dbx.IsNoRows(err) {
		return err
	}
	return queueConverge(ctx, live)
}

// abandonStuck gives up the removal of containers the host cannot confirm (§4): those on a
// removed server, and those whose removal op died or has waited 24 h.
func (s *sDerp) abandonStuck(ctx context.Context, rentalID int64) error {
	cc := dao.DerpContainers.Columns()
	var cs []entity.DerpContainers
	if err := dao.DerpContainers.Ctx(ctx).Where(cc.RentalId, rentalID).
		WhereNotIn(cc.State, []string{containerRemoved, containerAbandoned}).Scan(&cs); err != nil && !dbx.IsNoRows(err) {
		return err
	}
	oc := dao.DerpHostOps.Columns()
	stale := gtime.NewFromTime(s.now().Add(-abandonAfter))
	for _, c := range cs {
		st, err := dao.DerpServers.Ctx(ctx).WherePri(c.ServerId).Value(dao.DerpServers.Columns().State)
		if err != nil && !dbx.IsNoRows(err) {
			return err
		}
		give := st.IsEmpty() || st.String() == "removed"
		if !give {
			var op *entity.DerpHostOps
			if err = dao.DerpHostOps.Ctx(ctx).Where(oc.ContainerId, c.Id).Where(oc.TargetGen, c.OpGen).OrderDesc(oc.Id).
				Limit(1).Scan(&op); err != nil && !dbx.IsNoRows(err) {
				return err
			}
			give = op != nil && (op.State == "dead" || (op.State != "done" && !op.CreatedAt.After(stale)))
		}
		if give {
			if _, err = dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{State: containerAbandoned}).WherePri(c.Id).
				Where(cc.OpGen, c.OpGen).WhereNotIn(cc.State, []string{containerRemoved, containerAbandoned}).Update(); err != nil {
				return err
			}
		}
	}
	return nil
}
