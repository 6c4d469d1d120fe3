package payment

import (
	"context"

	v1 "kami/api/payment/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/scope"
	"kami/internal/service"
	"kami/internal/timefmt"
)

var orderSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.PaymentOrders.Columns().Id),
	"amount":    listq.Ordinal(dao.PaymentOrders.Columns().Amount),
	"createdAt": listq.Ordinal(dao.PaymentOrders.Columns().CreatedAt),
})

// List is the orders in the caller's scope: an agent's own, an agent-admin's and its agents',
// everyone's for the super-admin.
func (s *sPayment) List(ctx context.Context, req *v1.OrderListReq) (*v1.OrderListRes, error) {
	cols := dao.PaymentOrders.Columns()
	m := scope.Apply(ctx, dao.PaymentOrders.Ctx(ctx).Safe(), cols.UserId)
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	if req.Channel != "" {
		m = m.Where(cols.Channel, req.Channel)
	}
	if req.UserId > 0 {
		m = m.Where(cols.UserId, req.UserId)
	}
	rows, total, err := listq.Page[entity.PaymentOrders](m, req.PageReq, orderSorts)
	if err != nil {
		return nil, err
	}
	items, err := orderItems(ctx, rows)
	if err != nil {
		return nil, err
	}
	return &v1.OrderListRes{Items: items, Total: total}, nil
}

// Get is one order in the caller's scope with its log, oldest step first.
func (s *sPayment) Get(ctx context.Context, req *v1.OrderGetReq) (*v1.OrderGetRes, error) {
	o, err := orderInScope(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	items, err := orderItems(ctx, []entity.PaymentOrders{*o})
	if err != nil {
		return nil, err
	}
	var logs []entity.PaymentLogs
	cols := dao.PaymentLogs.Columns()
	if err = dao.PaymentLogs.Ctx(ctx).Where(cols.OrderId, o.Id).OrderAsc(cols.Id).Scan(&logs); err != nil {
		return nil, err
	}
	res := &v1.OrderGetRes{OrderItem: items[0], Logs: make([]v1.LogItem, 0, len(logs))}
	for _, l := range logs {
		res.Logs = append(res.Logs, v1.LogItem{Id: l.Id, Step: l.Step, Result: l.Result, Detail: l.Detail,
			CreatedAt: timefmt.Format(l.CreatedAt)})
	}
	return res, nil
}

// orderInScope is the order when its payer is in the caller's scope; 404 otherwise, as for none.
func orderInScope(ctx context.Context, id int64) (*entity.PaymentOrders, error) {
	var o *entity.PaymentOrders
	if err := dao.PaymentOrders.Ctx(ctx).WherePri(id).Scan(&o); err != nil {
		return nil, err
	}
	if o == nil {
		return nil, errs.NotFound.New()
	}
	u, err := service.User().Account(ctx, o.UserId)
	if err != nil {
		return nil, err
	}
	if err = scope.CheckUser(ctx, u.Id, u.Path); err != nil {
		return nil, err
	}
	return o, nil
}

// item reads one order back as the client sees it.
func (s *sPayment) item(ctx context.Context, id int64) (*v1.OrderItem, error) {
	var o *entity.PaymentOrders
	if err := dao.PaymentOrders.Ctx(ctx).WherePri(id).Scan(&o); err != nil {
		return nil, err
	}
	if o == nil {
		return nil, errs.NotFound.New()
	}
	items, err := orderItems(ctx, []entity.PaymentOrders{*o})
	if err != nil {
		return nil, err
	}
	return &items[0], nil
}

func orderItems(ctx context.Context, rows []entity.PaymentOrders) ([]v1.OrderItem, error) {
	ids := make([]int64, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.UserId)
	}
	names, err := service.User().Usernames(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]v1.OrderItem, 0, len(rows))
	for _, r := range rows {
		out = append(out, v1.OrderItem{
			Id: r.Id, UserId: r.UserId, Username: names[r.UserId], Channel: r.Channel, OutTradeNo: r.OutTradeNo,
			TradeNo: r.TradeNo, Amount: r.Amount, Status: r.Status, PayUrl: r.PayUrl,
			PaidAt: timefmt.Ptr(r.PaidAt), ClosedAt: timefmt.Ptr(r.ClosedAt), RefundedAt: timefmt.Ptr(r.RefundedAt),
			ExpiresAt: timefmt.Format(r.ExpiresAt), CreatedAt: timefmt.Format(r.CreatedAt),
		})
	}
	return out, nil
}
