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
	var insts []entity.ProxyInstance
	if err := dao.ProxyInstance.Ctx(ctx).Where(dao.ProxyInstance.Columns().OrderId, id).OrderAsc("id").Scan(&insts); err != nil {
		return nil, err
	}
	v := &v1.OrderView{Id: o.Id, AppOrderNo: o.AppOrderNo, Kind: o.Kind, Status: o.Status, AgentId: o.AgentId,
		UserId: o.UserId, ProductNo: o.ProductNo, Quantity: o.Quantity, CycleTimes: o.CycleTimes,
		UnitPrice: o.UnitPrice, SaleAmount: o.SaleAmount, ChargedAmount: o.ChargedAmount,
		RefundAmount: o.RefundAmount, SuccessCount: o.SuccessCount, LastError: o.LastError,
		CreatedAt: timefmt.Format(o.CreatedAt), Instances: make([]string, 0, len(insts))}
	if o.FinishedAt != nil {
		f := timefmt.Format(o.FinishedAt)
		v.FinishedAt = &f
	}
	for _, in := range insts {
		v.Instances = append(v.Instances, in.InstanceNo)
	}
	if p := principal.From(ctx); p != nil && p.Role == consts.RoleSuperAdmin {
		no, st, cost := o.UpstreamOrderNo, o.UpstreamStatus, o.CostAmount
		v.UpstreamOrderNo, v.UpstreamStatus, v.CostAmount = &no, &st, &cost
	}
	return v, nil
}
