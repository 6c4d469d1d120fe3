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
	oc := dao.DerpOrders.Columns()
	n, err := dao.DerpOrders.Ctx(ctx).Where(oc.BuyerId, userID).Where(oc.Status, orderPendingReview).Count()
	if err != nil {
		return "", err
	}
	if n > 0 {
		return holdPendingOrder, nil
	}
	b, err := service.Quota().Balance(ctx, userID)
	if err != nil {
		return "", err
	}
	switch {
	case b.Available < 0:
		return holdNegative, nil
	case b.Frozen > 0:
		return holdPaymentPending, nil
	}
	return "", nil
}

// DeregisterRentals is derp.deregister (§4, §10). Expired rentals 30 days past expiry whose
// account is settled start deregistering (containers desired=removed, the host worker removes
// them); unsettled ones are held with the reason and nothing is touched. Deregistering rentals
// whose containers are all gone finish: ports quarantined, ACL revoked, history written, the
// customer told. The account itself is never touched.
func (s *sDerp) DeregisterRentals(ctx context.Context) (int, error) {
	cols := dao.DerpRentals.Columns()
	cutoff := s.now().Add(-deregisterGrace)
	// Most runs find nothing: one indexed look for either kind of work answers them, instead of
	// the two scans below (B2's "nothing due" is measured against one such SELECT).
	due, err := dao.DerpRentals.Ctx(ctx).Fields(cols.Id).
		Where("("+cols.State+" = ? AND "+cols.ExpiresAt+" <= ?) OR "+cols.State+" = ?",
			rentalExpired, gtime.NewFromTime(cutoff), rentalDeregistering).Limit(1).Value()
	if err != nil && !dbx.IsNoRows(err) {
		return 0, err
	}
	if due.IsEmpty() {
		return 0, nil
	}
	done := 0
	var last int64
	for {
		var rows []*entity.DerpRentals
		err := dao.DerpRentals.Ctx(ctx).Where(cols.State, rentalExpired).WhereLTE(cols.ExpiresAt, gtime.NewFromTime(cutoff)).
			Where(afterID, last).OrderAsc(cols.Id).Limit(jobBatch).Scan(&rows)
		if err != nil && !dbx.IsNoRows(err) {
			return done, err
		}
		for _, r := range rows {
			last = r.Id
			reason, err := unsettled(ctx, r.UserId)
			if err != nil {
				return done, err
			}
			if reason != "" {
				if err = holdRental(ctx, r, reason); err != nil {
					return done, err
				}
				continue
			}
			if _, err = s.beginDeregister(ctx, r, &cutoff); err != nil {
				return done, err
			}
		}
		if len(rows) < jobBatch || ctx.Err() != nil {
			break
		}
	}
	last = 0
	for ctx.Err() == nil {
		ids, err := dao.DerpRentals.Ctx(ctx).Fields(cols.Id).Where(cols.State, rentalDeregistering).Where(afterID, last).
			OrderAsc(cols.Id).Limit(jobBatch).Array()
		if err != nil {
			return done, err
		}
		for _, id := range ids {
			last = id.Int64()
			ok, err := s.finishDeregister(ctx, last)
			if err != nil {
				return done, err
			}
			if ok {
				done++
			}
		}
		if len(ids) < jobBatch {
			break
		}
	}
	return done, ctx.Err()
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
		cols := dao.DerpRentals.Columns()
		m := dao.DerpRentals.Ctx(ctx).Data(g.Map{cols.State: rentalDeregistering, cols.HoldReason: ""}).WherePri(r.Id).
			Where(cols.State, r.State).Where(cols.ExpiresAt, r.ExpiresAt)
		if cutoff != nil {
			m = m.WhereLTE(cols.ExpiresAt, gtime.NewFromTime(*cutoff))
		}
		n, err := m.UpdateAndGetAffected()
		if err != nil || n != 1 {
			return err
		}
		won = true
		cc := dao.DerpContainers.Columns()
		if _, err = dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{Desired: containerRemoved}).Where(cc.RentalId, r.Id).
			WhereNotIn(cc.State, []string{containerRemoved, containerAbandoned}).Update(); err != nil {
			return err
		}
		return s.queueRemoval(ctx, r.Id)
	})
	if won && err == nil {
		s.invalidateAdmission(ctx, r.Id)
	}
	return won, err
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
	if err := s.abandonStuck(ctx, rentalID); err != nil {
		return false, err
	}
	cc := dao.DerpContainers.Columns()
	live, err := dao.DerpContainers.Ctx(ctx).Where(cc.RentalId, rentalID).
		WhereNotIn(cc.State, []string{containerRemoved, containerAbandoned}).Count()
	if err != nil || live > 0 {
		return false, err
	}
	now := s.now()
	won := false
	err = dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		cols := dao.DerpRentals.Columns()
		n, err := dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{State: rentalDeregistered,
			DeregisteredAt: gtime.NewFromTime(now)}).WherePri(rentalID).Where(cols.State, rentalDeregistering).UpdateAndGetAffected()
		if err != nil || n != 1 {
			return err
		}
		won = true
		if err = quarantinePorts(ctx, rentalID, now); err != nil {
			return err
		}
		ac := dao.DerpAclVersions.Columns()
		if _, err = dao.DerpAclVersions.Ctx(ctx).Data(g.Map{ac.Status: "revoked", ac.Body: ""}).
			Where(ac.RentalId, rentalID).Update(); err != nil {
			return err
		}
		if err = s.writeHistory(ctx, rentalID); err != nil {
			return err
		}
		_, err = s.notice(ctx, tx, toRental(rentalID), "deregistered", nil, "deregistered:"+strconv.FormatInt(rentalID, 10))
		return err
	})
	return won, err
}

// quarantinePorts turns the held slots of the rental's containers into 7-day quarantines,
// counted from each container's removal.
func quarantinePorts(ctx context.Context, rentalID int64, now time.Time) error {
	cc := dao.DerpContainers.Columns()
	var cs []entity.DerpContainers
	if err := dao.DerpContainers.Ctx(ctx).Where(cc.RentalId, rentalID).Scan(&cs); err != nil && !dbx.IsNoRows(err) {
		return err
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
			return err
		}
	}
	return nil
}
