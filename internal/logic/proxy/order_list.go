package proxy

import (
	"context"

	v1 "kami/api/proxy/v1"
	"kami/internal/dao"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/scope"
)

var orderSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":         listq.Ordinal(dao.ProxyOrder.Columns().Id),
	"createdAt":  listq.Ordinal(dao.ProxyOrder.Columns().CreatedAt),
	"saleAmount": listq.Ordinal(dao.ProxyOrder.Columns().SaleAmount),
})

// Orders is GET /api/proxy/orders/list: the caller's scope (S all, A its subtree, G its own),
// filtered; the S-only fields are left out below the super-admin by renderOrder.
func (s *sProxy) Orders(ctx context.Context, req *v1.OrderListReq) (*v1.OrderListRes, error) {
	cols := dao.ProxyOrder.Columns()
	m := scope.Apply(ctx, dao.ProxyOrder.Ctx(ctx), cols.AgentId)
	for col, val := range map[string]string{cols.Kind: req.Kind, cols.Status: req.Status, cols.ProductNo: req.ProductNo} {
		if val != "" {
			m = m.Where(col, val)
		}
	}
	if req.UserId != 0 {
		m = m.Where(cols.UserId, req.UserId)
	}
	if req.AgentId != 0 {
		m = m.Where(cols.AgentId, req.AgentId)
	}
	m, err := listq.TimeRange(m, cols.CreatedAt, req.From, req.To)
	if err != nil {
		return nil, err
	}
	rows, total, err := listq.Page[entity.ProxyOrder](m, req.PageReq, orderSorts)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.Id)
	}
	insts, err := orderInstances(ctx, ids)
	if err != nil {
		return nil, err
	}
	res := &v1.OrderListRes{Items: make([]v1.OrderView, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, renderOrder(ctx, r, insts[r.Id]))
	}
	return res, nil
}
