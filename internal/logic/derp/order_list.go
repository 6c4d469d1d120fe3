package derp

import (
	"context"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/scope"
)

// OrderList lists every kind of DERP order whose distributor is in the caller's scope (§5), the
// finance page's order list.
func (s *sDerp) OrderList(ctx context.Context, req *v1.OrderListReq) (*v1.OrderListRes, error) {
	cols := dao.DerpOrders.Columns()
	m := scope.Apply(ctx, dao.DerpOrders.Ctx(ctx), cols.DistributorId)
	if req.Kind != "" {
		m = m.Where(cols.Kind, req.Kind)
	}
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	if req.CustomerId > 0 {
		m = m.Where(cols.BuyerId, req.CustomerId)
	}
	if req.DistributorId > 0 {
		m = m.Where(cols.DistributorId, req.DistributorId)
	}
	m, err := listq.TimeRange(m, cols.CreatedAt, req.From, req.To)
	if err != nil {
		return nil, err
	}
	rows, total, err := listq.Page[entity.DerpOrders](m, req.PageReq, orderSorts)
	if err != nil {
		return nil, err
	}
	out := make([]v1.FinanceOrderItem, 0, len(rows))
	for i := range rows {
		out = append(out, financeOrderItem(&rows[i]))
	}
	return &v1.OrderListRes{Items: out, Total: total}, nil
}

func financeOrderItem(o *entity.DerpOrders) v1.FinanceOrderItem {
	return v1.FinanceOrderItem{OrderItem: *orderItem(o, nil), Tier: o.Tier, CommissionBps: o.CommissionBps,
		Commission: o.Commission, CommissionTo: o.CommissionTo, Refunded: o.Refunded}
}

// MeOrderList lists the caller's own orders; staff get 403 DERP_NOT_CUSTOMER (§2).
func (s *sDerp) MeOrderList(ctx context.Context, req *v1.MeOrderListReq) (*v1.MeOrderListRes, error) {
	u, err := member(ctx)
	if err != nil {
		return nil, err
	}
	m := dao.DerpOrders.Ctx(ctx).Where(dao.DerpOrders.Columns().BuyerId, u.Id)
	rows, total, err := listq.Page[entity.DerpOrders](m, req.PageReq, orderSorts)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	out := make([]v1.MeOrderItem, 0, len(rows))
	for i := range rows {
		o := &rows[i]
		name, ok := names[o.PlanId]
		if !ok {
			if p, err := planByID(ctx, o.PlanId); err == nil {
				name = p.Name
			}
			names[o.PlanId] = name
		}
		out = append(out, v1.MeOrderItem{OrderItem: *orderItem(o, nil), PlanName: name, Refunded: o.Refunded})
	}
	return &v1.MeOrderListRes{Items: out, Total: total}, nil
}
