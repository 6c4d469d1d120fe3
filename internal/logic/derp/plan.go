package derp

import (
	"context"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/model/entity"
)

const (
	planEnabled  = "enabled"
	planDisabled = "disabled"
)

func planItem(p *entity.DerpPlans) v1.PlanItem {
	return v1.PlanItem{Id: p.Id, Name: p.Name, Days: p.Days, Price: p.Price, TrafficBytes: p.TrafficBytes,
		MaxDevices: p.MaxDevices, Status: p.Status, Sort: p.Sort}
}

func (s *sDerp) listPlans(ctx context.Context, onlyEnabled bool) ([]v1.PlanItem, error) {
	cols := dao.DerpPlans.Columns()
	m := dao.DerpPlans.Ctx(ctx).OrderAsc(cols.Sort).OrderAsc(cols.Id)
	if onlyEnabled {
		m = m.Where(cols.Status, planEnabled)
	}
	var rows []*entity.DerpPlans
	if err := m.Scan(&rows); err != nil {
		return nil, err
	}
	out := make([]v1.PlanItem, 0, len(rows))
	for _, r := range rows {
		out = append(out, planItem(r))
	}
	return out, nil
}

// PlanList lists every plan for staff.
func (s *sDerp) PlanList(ctx context.Context, _ *v1.PlanListReq) (*v1.PlanListRes, error) {
	items, err := s.listPlans(ctx, false)
	if err != nil {
		return nil, err
	}
	return &v1.PlanListRes{Items: items, Total: len(items)}, nil
}

// PublicPlans lists the enabled plans for the public pages.
func (s *sDerp) PublicPlans(ctx context.Context, _ *v1.PublicPlansReq) (*v1.PublicPlansRes, error) {
	items, err := s.listPlans(ctx, true)
	if err != nil {
		return nil, err
	}
	return &v1.PublicPlansRes{Items: items, Total: len(items)}, nil
}

// PlanCreate adds a plan; it is disabled unless the body says otherwise, like the seeded ones.
func (s *sDerp) PlanCreate(ctx context.Context, req *v1.PlanCreateReq) (*v1.PlanCreateRes, error) {
	row := do.DerpPlans{Name: req.Name, Days: req.Days, Price: req.Price, TrafficBytes: 0,
		MaxDevices: 20, Status: planDisabled, Sort: 0}
	if req.TrafficBytes != nil {
		row.TrafficBytes = *req.TrafficBytes
	}
	if req.MaxDevices != nil {
		row.MaxDevices = *req.MaxDevices
	}
	if req.Status != nil {
		row.Status = *req.Status
	}
	if req.Sort != nil {
		row.Sort = *req.Sort
	}
	id, err := dao.DerpPlans.Ctx(ctx).Data(row).InsertAndGetId()
	if err != nil {
		return nil, err
	}
	p, err := planByID(ctx, id)
	if err != nil {
		return nil, err
	}
	out := planItem(p)
	return &out, nil
}

// PlanUpdate edits the given fields; terms already sold keep their own days and quota.
func (s *sDerp) PlanUpdate(ctx context.Context, req *v1.PlanUpdateReq) (*v1.PlanUpdateRes, error) {
	if _, err := planByID(ctx, req.Id); err != nil {
		return nil, err
	}
	data := do.DerpPlans{}
	changed := false
	if req.Name != nil {
		data.Name = *req.Name
		changed = true
	}
	if req.Days != nil {
		data.Days = *req.Days
		changed = true
	}
	if req.Price != nil {
		data.Price = *req.Price
		changed = true
	}
	if req.TrafficBytes != nil {
		data.TrafficBytes = *req.TrafficBytes
		changed = true
	}
	if req.MaxDevices != nil {
		data.MaxDevices = *req.MaxDevices
		changed = true
	}
	if req.Status != nil {
		data.Status = *req.Status
		changed = true
	}
	if req.Sort != nil {
		data.Sort = *req.Sort
		changed = true
	}
	if changed {
		if _, err := dao.DerpPlans.Ctx(ctx).Data(data).WherePri(req.Id).Update(); err != nil {
			return nil, err
		}
	}
	p, err := planByID(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	out := planItem(p)
	return &out, nil
}

// PlanDelete removes a plan no serial, order or rental refers to; a sold plan is disabled instead.
func (s *sDerp) PlanDelete(ctx context.Context, req *v1.PlanDeleteReq) (*v1.PlanDeleteRes, error) {
	if _, err := planByID(ctx, req.Id); err != nil {
		return nil, err
	}
	sold, err := planSold(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if sold {
		return nil, errs.Conflict.New()
	}
	if _, err := dao.DerpPlans.Ctx(ctx).WherePri(req.Id).Delete(); err != nil {
		return nil, err
	}
	return &v1.PlanDeleteRes{}, nil
}

func planSold(ctx context.Context, id int64) (bool, error) {
	counts := []func() (int, error){
		func() (int, error) {
			return dao.DerpSerials.Ctx(ctx).Where(dao.DerpSerials.Columns().PlanId, id).Count()
		},
		func() (int, error) { return dao.DerpOrders.Ctx(ctx).Where(dao.DerpOrders.Columns().PlanId, id).Count() },
		func() (int, error) {
			return dao.DerpRentals.Ctx(ctx).Where(dao.DerpRentals.Columns().PlanId, id).Count()
		},
	}
	for _, c := range counts {
		n, err := c()
		if err != nil || n > 0 {
			return n > 0, err
		}
	}
	return false, nil
}

func planByID(ctx context.Context, id int64) (*entity.DerpPlans, error) {
	var p *entity.DerpPlans
	if err := dao.DerpPlans.Ctx(ctx).WherePri(id).Scan(&p); err != nil {
		return nil, err
	}
	if p == nil {
		return nil, errs.NotFound.New()
	}
	return p, nil
}
