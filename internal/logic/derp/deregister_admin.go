package derp

import (
	"context"
	"encoding/json"

	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/scope"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

var historySorts = listq.NewSorts("id", map[string]listq.Field{
	"id":             listq.Ordinal(dao.DerpRentalHistory.Columns().Id),
	"deregisteredAt": listq.Ordinal(dao.DerpRentalHistory.Columns().DeregisteredAt),
})

// RentalDeregister is S deregistering a rental now (§5): from active, suspended or expired, with
// no grace period, but only when the account is settled unless force (409
// DERP_SETTLEMENT_PENDING). The containers are removed by the host worker after the commit; a
// rental with none left finishes at once.
func (s *sDerp) RentalDeregister(ctx context.Context, req *v1.RentalDeregisterReq) (*v1.RentalDeregisterRes, error) {
	r, err := scopedRental(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if !renewable(r.State) {
		return nil, errs.DerpInvalidState.New()
	}
	if !req.Force {
		reason, err := unsettled(ctx, r.UserId)
		if err != nil {
			return nil, err
		}
		if reason != "" {
			return nil, errs.DerpSettlementPending.New()
		}
	}
	won, err := s.beginDeregister(ctx, r, nil)
	if err != nil {
		return nil, err
	}
	if !won {
		return nil, errs.DerpInvalidState.New()
	}
	if _, err = s.finishDeregister(ctx, r.Id); err != nil {
		return nil, err
	}
	return s.RentalGet(ctx, &v1.RentalGetReq{Id: r.Id})
}

// RentalHistoryList lists the deregistration snapshots whose distributor is in scope.
func (s *sDerp) RentalHistoryList(ctx context.Context, req *v1.RentalHistoryListReq) (*v1.RentalHistoryListRes, error) {
	cols := dao.DerpRentalHistory.Columns()
	m := scope.Apply(ctx, dao.DerpRentalHistory.Ctx(ctx), cols.DistributorId)
	if req.CustomerId > 0 {
		m = m.Where(cols.UserId, req.CustomerId)
	}
	if req.DistributorId > 0 {
		m = m.Where(cols.DistributorId, req.DistributorId)
	}
	rows, total, err := listq.Page[entity.DerpRentalHistory](m, req.PageReq, historySorts)
	if err != nil {
		return nil, err
	}
	out := make([]v1.RentalHistoryItem, 0, len(rows))
	for _, h := range rows {
		it := v1.RentalHistoryItem{Id: h.Id, RentalId: h.RentalId, Customer: v1.RentalCustomer{Id: h.UserId},
			DistributorId: h.DistributorId, PlanId: h.PlanId, StartedAt: timefmt.Format(h.StartedAt),
			ExpiresAt: timefmt.Format(h.ExpiresAt), DeregisteredAt: timefmt.Format(h.DeregisteredAt),
			TrafficUsedBytes: h.TrafficUsedBytes}
		if h.Snapshot != "" {
			var snap v1.RentalSnapshot
			if json.Unmarshal([]byte(h.Snapshot), &snap) == nil {
				it.Snapshot, it.RentalNo = &snap, snap.RentalNo
			}
		}
		email, err := dao.Users.Ctx(ctx).WherePri(h.UserId).Value(dao.Users.Columns().Email)
		if err != nil && !dbx.IsNoRows(err) {
			return nil, err
		}
		it.Customer.Email = email.String()
		out = append(out, it)
	}
	return &v1.RentalHistoryListRes{Items: out, Total: total}, nil
}

// writeHistory freezes the rentals at deregistration: their terms and the containers they had
// (§3 derp_rental_history), read for all of them at once; cs are the rentals' containers by
// ha_index and id within each rental. The UNIQUE rental_id keeps one snapshot however often
// this runs.
func (s *sDerp) writeHistory(ctx context.Context, rs []*entity.DerpRentals, cs []entity.DerpContainers) error {
	if len(rs) == 0 {
		return nil
	}
	ids := make([]int64, len(rs))
	for i, r := range rs {
		ids[i] = r.Id
	}
	pc := dao.DerpRentalPeriods.Columns()
	var ps []entity.DerpRentalPeriods
	if err := dao.DerpRentalPeriods.Ctx(ctx).WhereIn(pc.RentalId, ids).OrderAsc(pc.Id).Scan(&ps); err != nil && !dbx.IsNoRows(err) {
		return err
	}
	servers := map[int64]*entity.DerpServers{}
	if len(cs) > 0 {
		sids := make([]int64, 0, len(cs))
		for _, c := range cs {
			sids = append(sids, c.ServerId)
		}
		var ss []*entity.DerpServers
		if err := dao.DerpServers.Ctx(ctx).WhereIn(dao.DerpServers.Columns().Id, sids).Scan(&ss); err != nil && !dbx.IsNoRows(err) {
			return err
		}
		for _, srv := range ss {
			servers[srv.Id] = srv
		}
	}
	snaps := make(map[int64]*v1.RentalSnapshot, len(rs))
	for _, r := range rs {
		snaps[r.Id] = &v1.RentalSnapshot{RentalNo: r.RentalNo, State: r.State, AclVersion: r.AclVersion,
			Periods: []v1.RentalPeriod{}, Containers: []v1.SnapshotContainer{}}
	}
	for _, p := range ps {
		snap := snaps[p.RentalId]
		snap.Periods = append(snap.Periods, v1.RentalPeriod{Id: p.Id, Kind: p.Kind, OrderId: optID(p.OrderId),
			SerialId: optID(p.SerialId), PlanId: p.PlanId, Days: p.Days, StartsAt: timefmt.Format(p.StartsAt),
			EndsAt: timefmt.Format(p.EndsAt)})
	}
	for _, c := range cs {
		it := v1.SnapshotContainer{Id: c.Id, ServerId: c.ServerId, HaIndex: c.HaIndex, Port: c.Port, State: c.State,
			RxBytes: c.RxTotal, TxBytes: c.TxTotal}
		if srv := servers[c.ServerId]; srv != nil {
			it.ServerName, it.PublicIpv4, it.Region = srv.Name, srv.PublicIpv4, srv.Region
		}
		if snap := snaps[c.RentalId]; snap != nil {
			snap.Containers = append(snap.Containers, it)
		}
	}
	rows := make([]do.DerpRentalHistory, 0, len(rs))
	for _, r := range rs {
		raw, err := json.Marshal(snaps[r.Id])
		if err != nil {
			return err
		}
		rows = append(rows, do.DerpRentalHistory{RentalId: r.Id, UserId: r.UserId, DistributorId: r.DistributorId,
			PlanId: r.PlanId, StartedAt: r.StartedAt, ExpiresAt: r.ExpiresAt, DeregisteredAt: gtime.NewFromTime(s.now()),
			TrafficUsedBytes: r.TrafficUsedBytes, Snapshot: string(raw)})
	}
	_, err := dao.DerpRentalHistory.Ctx(ctx).Data(rows).InsertIgnore()
	return err
}
