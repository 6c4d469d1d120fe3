package derp

import (
	"context"

	v1 "kami/api/derp/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/logic/derp/admit"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/scope"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// RentalList lists the rentals whose distributor is in the caller's scope (§2).
func (s *sDerp) RentalList(ctx context.Context, req *v1.RentalListReq) (*v1.RentalListRes, error) {
	cols := dao.DerpRentals.Columns()
	m := scope.Apply(ctx, dao.DerpRentals.Ctx(ctx), cols.DistributorId)
	if req.State != "" {
		m = m.Where(cols.State, req.State)
	}
	if req.CustomerId > 0 {
		m = m.Where(cols.UserId, req.CustomerId)
	}
	if req.DistributorId > 0 {
		m = m.Where(cols.DistributorId, req.DistributorId)
	}
	if req.ServerId > 0 {
		cc := dao.DerpContainers.Columns()
		m = m.WhereIn(cols.Id, dao.DerpContainers.Ctx(ctx).Fields(cc.RentalId).Where(cc.ServerId, req.ServerId))
	}
	if req.ExpiresBefore != "" {
		t, err := timefmt.Parse(req.ExpiresBefore)
		if err != nil {
			return nil, errs.InvalidInput.New()
		}
		m = m.WhereLT(cols.ExpiresAt, t)
	}
	rows, total, err := listq.Page[entity.DerpRentals](m, req.PageReq, rentalSorts)
	if err != nil {
		return nil, err
	}
	out := make([]v1.StaffRentalItem, 0, len(rows))
	for i := range rows {
		it, err := s.staffItem(ctx, &rows[i])
		if err != nil {
			return nil, err
		}
		out = append(out, *it)
	}
	return &v1.RentalListRes{Items: out, Total: total}, nil
}

// RentalGet answers one rental in scope (404 outside it) with its periods and containers.
func (s *sDerp) RentalGet(ctx context.Context, req *v1.RentalGetReq) (*v1.RentalGetRes, error) {
	var r *entity.DerpRentals
	err := scope.Apply(ctx, dao.DerpRentals.Ctx(ctx).WherePri(req.Id), dao.DerpRentals.Columns().DistributorId).Scan(&r)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if r == nil {
		return nil, errs.NotFound.New()
	}
	it, err := s.staffItem(ctx, r)
	if err != nil {
		return nil, err
	}
	res := &v1.RentalGetRes{StaffRentalItem: *it, Periods: []v1.RentalPeriod{}, Containers: []v1.RentalContainer{}}
	pc := dao.DerpRentalPeriods.Columns()
	var ps []entity.DerpRentalPeriods
	if err = dao.DerpRentalPeriods.Ctx(ctx).Where(pc.RentalId, r.Id).OrderAsc(pc.Id).Scan(&ps); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, p := range ps {
		res.Periods = append(res.Periods, v1.RentalPeriod{Id: p.Id, Kind: p.Kind, OrderId: optID(p.OrderId),
			SerialId: optID(p.SerialId), PlanId: p.PlanId, Days: p.Days, StartsAt: timefmt.Format(p.StartsAt),
			EndsAt: timefmt.Format(p.EndsAt)})
	}
	cc := dao.DerpContainers.Columns()
	var cs []entity.DerpContainers
	if err = dao.DerpContainers.Ctx(ctx).Where(cc.RentalId, r.Id).OrderAsc(cc.HaIndex).Scan(&cs); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, c := range cs {
		name, err := dao.DerpServers.Ctx(ctx).WherePri(c.ServerId).Value(dao.DerpServers.Columns().Name)
		if err != nil {
			return nil, err
		}
		res.Containers = append(res.Containers, v1.RentalContainer{Id: c.Id, ServerId: c.ServerId, ServerName: name.String(),
			HaIndex: c.HaIndex, RegionId: regionIDBase + c.HaIndex, Port: c.Port, Desired: c.Desired, State: c.State,
			LastError: c.LastError, RxBytes: c.RxTotal, TxBytes: c.TxTotal})
		if p := principal.From(ctx); p != nil && p.Role == consts.RoleSuperAdmin {
			path := "/api/derp/admit/" + admit.Token(c.Id, c.TokenGen)
			res.Containers[len(res.Containers)-1].AdmitPath = &path
		}
	}
	return res, nil
}

func (s *sDerp) staffItem(ctx context.Context, r *entity.DerpRentals) (*v1.StaffRentalItem, error) {
	d, err := s.detailOf(ctx, r)
	if err != nil {
		return nil, err
	}
	email, err := dao.Users.Ctx(ctx).WherePri(r.UserId).Value(dao.Users.Columns().Email)
	if err != nil {
		return nil, err
	}
	return &v1.StaffRentalItem{RentalDetail: *d, Customer: v1.RentalCustomer{Id: r.UserId, Email: email.String()},
		DistributorId: r.DistributorId, HoldReason: r.HoldReason}, nil
}
