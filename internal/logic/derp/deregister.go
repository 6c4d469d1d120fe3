package derp

import (
	"context"
	"strconv"
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
	cols := dao.DerpRentals.Columns()
	m := dao.DerpRentals.Ctx(ctx).Data(g.Map{cols.State: rentalDeregistering, cols.HoldReason: ""}).WherePri(r.Id).
		Where(cols.State, r.State).Where(cols.ExpiresAt, r.ExpiresAt)
	if cutoff != nil {
		m = m.WhereLTE(cols.ExpiresAt, gtime.NewFromTime(*cutoff))
	}
	n, err := m.UpdateAndGetAffected()
	if err != nil || n != 1 {
		return false, err
	}
	cc := dao.DerpContainers.Columns()
	if _, err = dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{Desired: containerRemoved}).Where(cc.RentalId, r.Id).
		WhereNotIn(cc.State, []string{containerRemoved, containerAbandoned}).Update(); err != nil {
		return false, err
	}
	return true, s.queueRemoval(ctx, r.Id)
}

// queueRemoval queues a converge op for every live container of the rental (failed ones too:
// they must go as well) through queueConverge, inside the caller's transaction; the op's
// created_at is the service clock's, which abandonStuck measures its 24 h from.
func (s *sDerp) queueRemoval(ctx context.Context, rentalID int64) error {
	cc := dao.DerpContainers.Columns()
	vals, err := dao.DerpContainers.Ctx(ctx).Fields(cc.Id).Where(cc.RentalId, rentalID).
		WhereNotIn(cc.State, []string{containerRemoved, containerAbandoned}).Array()
	if err != nil && !dbx.IsNoRows(err) {
		return err
	}
	ids := make([]int64, 0, len(vals))
	for _, v := range vals {
		ids = append(ids, v.Int64())
	}
	return queueConverge(ctx, ids)
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

// finishDeregister completes a deregistering rental once none of its containers is live: in
// one transaction, guarded on deregistering, it quarantines their ports for 7 days, revokes
// every ACL version and wipes its body, writes the history snapshot and the deregistered notice.
func (s *sDerp) finishDeregister(ctx context.Context, rentalID int64) (bool, error) {
	if live, err := s.stillLive(ctx, rentalID); err != nil || live {
		return false, err
	}
	won := false
	err := dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		var err error
		won, err = s.finishDeregisterIn(ctx, tx, rentalID)
		return err
	})
	return won, err
}

// stillLive gives up the containers stuck in removal (abandonStuck) and answers whether any
// container of the rental is still live.
func (s *sDerp) stillLive(ctx context.Context, rentalID int64) (bool, error) {
	if err := s.abandonStuck(ctx, rentalID); err != nil {
		return false, err
	}
	cc := dao.DerpContainers.Columns()
	live, err := dao.DerpContainers.Ctx(ctx).Where(cc.RentalId, rentalID).
		WhereNotIn(cc.State, []string{containerRemoved, containerAbandoned}).Count()
	return live > 0, err
}

// finishDeregisterIn is finishDeregister's transaction, in the caller's.
func (s *sDerp) finishDeregisterIn(ctx context.Context, tx gdb.TX, rentalID int64) (bool, error) {
	now := s.now()
	cols := dao.DerpRentals.Columns()
	n, err := dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{State: rentalDeregistered,
		DeregisteredAt: gtime.NewFromTime(now)}).WherePri(rentalID).Where(cols.State, rentalDeregistering).UpdateAndGetAffected()
	if err != nil || n != 1 {
		return false, err
	}
	cs, err := quarantinePorts(ctx, rentalID, now)
	if err != nil {
		return false, err
	}
	ac := dao.DerpAclVersions.Columns()
	if _, err = dao.DerpAclVersions.Ctx(ctx).Data(g.Map{ac.Status: "revoked", ac.Body: ""}).
		Where(ac.RentalId, rentalID).Update(); err != nil {
		return false, err
	}
	r, err := s.writeHistory(ctx, rentalID, cs)
	if err != nil {
		return false, err
	}
	_, err = s.notice(ctx, tx, toRentalRow(r), "deregistered", nil, "deregistered:"+strconv.FormatInt(rentalID, 10))
	return err == nil, err
}

// quarantinePorts turns the held slots of the rental's containers into 7-day quarantines,
// counted from each container's removal.
// It returns the rental's containers, for the history snapshot.
func quarantinePorts(ctx context.Context, rentalID int64, now time.Time) ([]entity.DerpContainers, error) {
	cc := dao.DerpContainers.Columns()
	var cs []entity.DerpContainers
	if err := dao.DerpContainers.Ctx(ctx).Where(cc.RentalId, rentalID).OrderAsc(cc.HaIndex).OrderAsc(cc.Id).
		Scan(&cs); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	sc := dao.DerpPortSlots.Columns()
	for _, c := range cs {
		from := now
		if c.RemovedAt != nil && !c.RemovedAt.IsZero() {
			from = c.RemovedAt.Time
		}
		if _, err := dao.DerpPortSlots.Ctx(ctx).Data(do.DerpPortSlots{State: slotQuarantine,
			UntilAt: gtime.NewFromTime(from.Add(portQuarantine))}).Where(sc.ServerId, c.ServerId).Where(sc.Port, c.Port).
			Where(sc.ContainerId, c.Id).Where(sc.State, slotHeld).Update(); err != nil {
			return nil, err
		}
	}
	return cs, nil
}
