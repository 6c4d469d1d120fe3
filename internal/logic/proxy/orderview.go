package proxy

import (
	"context"

	v1 "kami/api/proxy/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/timefmt"
)

// orderView renders an order; the upstream and cost fields reach the super-admin only.
func (s *sProxy) orderView(ctx context.Context, id int64) (*v1.OrderView, error) {
	var o entity.ProxyOrder
	if err := dao.ProxyOrder.Ctx(ctx).WherePri(id).Scan(&o); err != nil {
		return nil, err
	}
	insts, err := orderInstances(ctx, []int64{id})
	if err != nil {
		return nil, err
	}
	v := renderOrder(ctx, o, insts[id])
	return &v, nil
}

// orderInstances maps order id → the instance numbers it delivered, one query for a page.
func orderInstances(ctx context.Context, ids []int64) (map[int64][]string, error) {
	out := make(map[int64][]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var insts []entity.ProxyInstance
	cols := dao.ProxyInstance.Columns()
	if err := dao.ProxyInstance.Ctx(ctx).Fields(cols.OrderId, cols.InstanceNo).WhereIn(cols.OrderId, ids).
		OrderAsc(cols.Id).Scan(&insts); err != nil {
		return nil, err
	}
	for _, in := range insts {
		out[in.OrderId] = append(out[in.OrderId], in.InstanceNo)
	}
	return out, nil
}

func renderOrder(ctx context.Context, o entity.ProxyOrder, insts []string) v1.OrderView {
	v := v1.OrderView{Id: o.Id, AppOrderNo: o.AppOrderNo, Kind: o.Kind, Status: o.Status, AgentId: o.AgentId,
		UserId: o.UserId, ProductNo: o.ProductNo, Quantity: o.Quantity, CycleTimes: o.CycleTimes,
		UnitPrice: o.UnitPrice, SaleAmount: o.SaleAmount, ChargedAmount: o.ChargedAmount,
		RefundAmount: o.RefundAmount, SuccessCount: o.SuccessCount, LastError: o.LastError,
		CreatedAt: timefmt.Format(o.CreatedAt), Instances: append(make([]string, 0, len(insts)), insts...)}
	if o.FinishedAt != nil {
		f := timefmt.Format(o.FinishedAt)
		v.FinishedAt = &f
	}
	if p := principal.From(ctx); p != nil && p.Role == consts.RoleSuperAdmin {
		no, st, cost := o.UpstreamOrderNo, o.UpstreamStatus, o.CostAmount
		v.UpstreamOrderNo, v.UpstreamStatus, v.CostAmount = &no, &st, &cost
	}
	return v
}
