package derp

import (
	"context"
	"strings"

	v1 "kami/api/derp/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/scope"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

var serialSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.DerpSerials.Columns().Id),
	"expiresAt": listq.Ordinal(dao.DerpSerials.Columns().ExpiresAt),
	"usedAt":    listq.Ordinal(dao.DerpSerials.Columns().UsedAt),
})

func optID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// SerialList lists the serials whose distributor is in the caller's scope (S: all, the
// platform's too), never a code.
func (s *sDerp) SerialList(ctx context.Context, req *v1.SerialListReq) (*v1.SerialListRes, error) {
	cols := dao.DerpSerials.Columns()
	m := scope.Apply(ctx, dao.DerpSerials.Ctx(ctx), cols.DistributorId)
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	if req.PlanId > 0 {
		m = m.Where(cols.PlanId, req.PlanId)
	}
	if req.BatchId > 0 {
		m = m.Where(cols.BatchId, req.BatchId)
	}
	if req.DistributorId > 0 {
		m = m.Where(cols.DistributorId, req.DistributorId)
	}
	if req.Last4 != "" {
		m = m.Where(cols.CodeLast4, strings.ToUpper(req.Last4))
	}
	rows, total, err := listq.Page[entity.DerpSerials](m, req.PageReq, serialSorts)
	if err != nil {
		return nil, err
	}
	out := make([]v1.SerialItem, 0, len(rows))
	for i := range rows {
		it, err := serialItem(ctx, &rows[i])
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return &v1.SerialListRes{Items: out, Total: total}, nil
}

// serialInScope is the serial with that id if the caller's scope covers it; 404 otherwise.
func serialInScope(ctx context.Context, id int64) (*entity.DerpSerials, error) {
	var r *entity.DerpSerials
	err := scope.Apply(ctx, dao.DerpSerials.Ctx(ctx).WherePri(id), dao.DerpSerials.Columns().DistributorId).Scan(&r)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if r == nil {
		return nil, errs.NotFound.New()
	}
	return r, nil
}

// SerialGet answers one serial in scope with its rental; the containers and their servers only
// for S, because agents never see servers (§2).
func (s *sDerp) SerialGet(ctx context.Context, req *v1.SerialGetReq) (*v1.SerialGetRes, error) {
	r, err := serialInScope(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	it, err := serialItem(ctx, r)
	if err != nil {
		return nil, err
	}
	res := &v1.SerialGetRes{SerialItem: it, Containers: []v1.SerialContainer{}}
	if r.RentalId == 0 {
		return res, nil
	}
	var rent *entity.DerpRentals
	if err = dao.DerpRentals.Ctx(ctx).WherePri(r.RentalId).Scan(&rent); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if rent == nil {
		return res, nil
	}
	res.Rental = &v1.SerialRental{Id: rent.Id, RentalNo: rent.RentalNo, State: rent.State, ExpiresAt: timefmt.Format(rent.ExpiresAt)}
	if principal.From(ctx).Role != consts.RoleSuperAdmin {
		return res, nil
	}
	var cs []entity.DerpContainers
	cc := dao.DerpContainers.Columns()
	if err = dao.DerpContainers.Ctx(ctx).Where(cc.RentalId, rent.Id).OrderAsc(cc.HaIndex).Scan(&cs); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, c := range cs {
		name, err := dao.DerpServers.Ctx(ctx).WherePri(c.ServerId).Value(dao.DerpServers.Columns().Name)
		if err != nil {
			return nil, err
		}
		res.Containers = append(res.Containers, v1.SerialContainer{Id: c.Id, ServerId: c.ServerId, ServerName: name.String(),
			HaIndex: c.HaIndex, Port: c.Port, Desired: c.Desired, State: c.State})
	}
	return res, nil
}

// SerialVoid voids an unused serial (S): a guarded unused → void; anything else is 409.
func (s *sDerp) SerialVoid(ctx context.Context, req *v1.SerialVoidReq) (*v1.SerialVoidRes, error) {
	r, err := serialInScope(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	cols := dao.DerpSerials.Columns()
	n, err := dao.DerpSerials.Ctx(ctx).Data(do.DerpSerials{Status: serialVoid}).WherePri(r.Id).
		Where(cols.Status, serialUnused).UpdateAndGetAffected()
	if err != nil {
		return nil, err
	}
	if n != 1 {
		return nil, errs.DerpInvalidState.New()
	}
	r.Status = serialVoid
	it, err := serialItem(ctx, r)
	if err != nil {
		return nil, err
	}
	return &it, nil
}

func serialItem(ctx context.Context, r *entity.DerpSerials) (v1.SerialItem, error) {
	it := v1.SerialItem{Id: r.Id, Last4: r.CodeLast4, PlanId: r.PlanId, Status: r.Status, Source: r.Source,
		DistributorId: optID(r.DistributorId), BatchId: r.BatchId, OrderId: optID(r.OrderId),
		ExpiresAt: timefmt.Format(r.ExpiresAt), UsedAt: timefmt.Ptr(r.UsedAt), UsedAs: r.UsedAs, RentalId: optID(r.RentalId)}
	if p, err := planByID(ctx, r.PlanId); err == nil {
		it.PlanName, it.Days = p.Name, p.Days
	}
	if r.UsedBy != 0 {
		email, err := dao.Users.Ctx(ctx).WherePri(r.UsedBy).Value(dao.Users.Columns().Email)
		if err != nil {
			return it, err
		}
		it.UsedBy = &v1.SerialUser{Id: r.UsedBy, Email: email.String()}
	}
	return it, nil
}
