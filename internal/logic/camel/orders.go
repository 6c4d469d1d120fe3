package camel

import (
	"context"
	"strconv"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/camel/v1"
	sysv1 "kami/api/system/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/logic/outbox"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/timefmt"
)

var orderSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.CamelOilOrder.Columns().Id),
	"amount":    listq.Ordinal(dao.CamelOilOrder.Columns().Amount),
	"createdAt": listq.Ordinal(dao.CamelOilOrder.Columns().CreatedAt),
})

var orderHistorySorts = listq.NewSorts("id", map[string]listq.Field{"id": listq.Ordinal(dao.CamelOilOrderHistory.Columns().Id)})

// maxOrderExport bounds one download; narrower filters get the rest.
const maxOrderExport = 100_000

func filterOrders(ctx context.Context, f v1.OrderFilter) (*gdb.Model, error) {
	cols := dao.CamelOilOrder.Columns()
	m := dao.CamelOilOrder.Ctx(ctx).Safe()
	for col, v := range map[string]string{cols.Status: f.Status, cols.MerchantOrderNo: f.MerchantOrderNo, cols.OrderNo: f.OrderNo} {
		if v != "" {
			m = m.Where(col, v)
		}
	}
	if f.MerchantId > 0 {
		m = m.Where(cols.MerchantId, f.MerchantId)
	}
	if f.AccountId > 0 {
		m = m.Where(cols.AccountId, f.AccountId)
	}
	for _, b := range []struct {
		v  string
		lt bool
	}{{f.From, false}, {f.To, true}} {
		if b.v == "" {
			continue
		}
		t, err := timefmt.Parse(b.v)
		if err != nil {
			return nil, errs.TimeInvalid.New()
		}
		if b.lt {
			m = m.WhereLT(cols.CreatedAt, t)
		} else {
			m = m.WhereGTE(cols.CreatedAt, t)
		}
	}
	return m, nil
}

func (s *sCamel) ListOrders(ctx context.Context, req *v1.OrderListReq) (*v1.OrderListRes, error) {
	m, err := filterOrders(ctx, req.OrderFilter)
	if err != nil {
		return nil, err
	}
	rows, total, err := listq.Page[entity.CamelOilOrder](m, req.PageReq, orderSorts)
	if err != nil {
		return nil, err
	}
	items, err := orderItems(ctx, rows)
	if err != nil {
		return nil, err
	}
	return &v1.OrderListRes{Items: items, Total: total}, nil
}

func (s *sCamel) GetOrder(ctx context.Context, req *v1.OrderGetReq) (*v1.OrderGetRes, error) {
	it, err := orderItemByID(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &v1.OrderGetRes{OrderItem: *it}, nil
}

func (s *sCamel) OrderHistory(ctx context.Context, req *v1.OrderHistoryReq) (*v1.OrderHistoryRes, error) {
	if _, err := findOrder(ctx, req.Id); err != nil {
		return nil, err
	}
	h := dao.CamelOilOrderHistory.Columns()
	rows, total, err := listq.Page[entity.CamelOilOrderHistory](
		dao.CamelOilOrderHistory.Ctx(ctx).Where(h.OrderId, req.Id), req.PageReq, orderHistorySorts)
	if err != nil {
		return nil, err
	}
	items := make([]v1.HistoryItem, 0, len(rows))
	for _, r := range rows {
		items = append(items, v1.HistoryItem{Id: r.Id, FromStatus: r.FromStatus, ToStatus: r.ToStatus, Reason: r.Reason,
			OperatorId: r.OperatorId, CreatedAt: timefmt.Format(r.CreatedAt)})
	}
	return &v1.OrderHistoryRes{Items: items, Total: total}, nil
}

// RefreshOrder asks the platform about one order now, as the payment poll would; a paid or
// late-window-over order is answered as it stands.
func (s *sCamel) RefreshOrder(ctx context.Context, req *v1.OrderRefreshReq) (*v1.OrderRefreshRes, error) {
	o, err := findOrder(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if o.Status != OrderPaid {
		if err = s.check(ctx, o); err != nil {
			return nil, err
		}
	}
	it, err := orderItemByID(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &v1.OrderRefreshRes{OrderItem: *it}, nil
}

// NotifyOrder redelivers a paid order's callback through the outbox (a fresh attempt budget).
func (s *sCamel) NotifyOrder(ctx context.Context, req *v1.OrderNotifyReq) (*v1.OrderNotifyRes, error) {
	o, err := findOrder(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	var ev *entity.OutboxEvents
	cols := dao.OutboxEvents.Columns()
	if err = dao.OutboxEvents.Ctx(ctx).Where(cols.Ref, callbackRef(o)).OrderDesc(cols.Id).Limit(1).Scan(&ev); err != nil {
		return nil, err
	}
	if o.Status != OrderPaid || ev == nil {
		return nil, errs.InvalidState.New()
	}
	if _, err = service.Outbox().Redeliver(ctx, &sysv1.OutboxRedeliverReq{Id: ev.EventId}); err != nil {
		return nil, err
	}
	it, err := orderItemByID(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &v1.OrderNotifyRes{OrderItem: *it}, nil
}

var orderExportColumns = []string{"orderNo", "merchantId", "merchantOrderNo", "accountPhone", "amount", "status",
	"platformOrderNo", "expireAt", "paidAt", "notifyStatus", "createdAt"}

// ExportOrders writes the filtered orders, newest first, through the shared StreamWriter export.
func (s *sCamel) ExportOrders(ctx context.Context, req *v1.OrderExportReq) (*model.Download, error) {
	m, err := filterOrders(ctx, req.OrderFilter)
	if err != nil {
		return nil, err
	}
	out, err := s.newExport(ctx, m, maxOrderExport, req.Format, "order", orderExportColumns)
	if err != nil {
		return nil, err
	}
	defer out.Discard()
	var rows []entity.CamelOilOrder
	if err = m.OrderDesc(dao.CamelOilOrder.Columns().Id).Scan(&rows); err != nil {
		return nil, err
	}
	items, err := orderItems(ctx, rows)
	if err != nil {
		return nil, err
	}
	for _, it := range items {
		if err = out.Row([]any{it.OrderNo, it.MerchantId, it.MerchantOrderNo, it.AccountPhone, it.Amount, it.Status,
			it.PlatformOrderNo, orEmpty(it.ExpireAt), orEmpty(it.PaidAt), it.NotifyStatus, it.CreatedAt}); err != nil {
			return nil, err
		}
	}
	return out.download()
}

func callbackRef(o *entity.CamelOilOrder) string {
	return strconv.FormatInt(o.MerchantId, 10) + "/" + o.OrderNo
}

func orderItemByID(ctx context.Context, id int64) (*v1.OrderItem, error) {
	o, err := findOrder(ctx, id)
	if err != nil {
		return nil, err
	}
	items, err := orderItems(ctx, []entity.CamelOilOrder{*o})
	if err != nil {
		return nil, err
	}
	return &items[0], nil
}

// orderItems is the admin view of orders: the account's phone and the callback's delivery
// (notifyStatus and notifyCount mirror the outbox event, read with the order).
func orderItems(ctx context.Context, rows []entity.CamelOilOrder) ([]v1.OrderItem, error) {
	accIDs := make([]int64, 0, len(rows))
	refs := make([]string, 0, len(rows))
	for i := range rows {
		accIDs = append(accIDs, rows[i].AccountId)
		refs = append(refs, callbackRef(&rows[i]))
	}
	phones := map[int64]string{}
	events := map[string]entity.OutboxEvents{}
	if len(rows) > 0 {
		var accs []entity.CamelOilAccount
		ac := dao.CamelOilAccount.Columns()
		if err := dao.CamelOilAccount.Ctx(ctx).Unscoped().Fields(ac.Id, ac.Phone).WhereIn(ac.Id, accIDs).Scan(&accs); err != nil {
			return nil, err
		}
		for _, a := range accs {
			phones[a.Id] = a.Phone
		}
		var evs []entity.OutboxEvents
		ec := dao.OutboxEvents.Columns()
		if err := dao.OutboxEvents.Ctx(ctx).Fields(ec.Ref, ec.Status, ec.Attempts).WhereIn(ec.Ref, refs).
			OrderAsc(ec.Id).Scan(&evs); err != nil {
			return nil, err
		}
		for _, e := range evs {
			events[e.Ref] = e
		}
	}
	items := make([]v1.OrderItem, 0, len(rows))
	for i := range rows {
		o := &rows[i]
		it := v1.OrderItem{Id: o.Id, OrderNo: o.OrderNo, MerchantId: o.MerchantId, MerchantOrderNo: o.MerchantOrderNo,
			AccountId: o.AccountId, AccountPhone: phones[o.AccountId], Amount: o.Amount, Status: o.Status, PayUrl: o.PayUrl,
			PlatformOrderNo: o.PlatformOrderNo, ExpireAt: timefmt.Ptr(o.ExpireAt), PaidAt: timefmt.Ptr(o.PaidAt),
			NotifyStatus: "pending", NotifyCount: o.NotifyCount, CreatedAt: timefmt.Format(o.CreatedAt)}
		if e, ok := events[callbackRef(o)]; ok {
			it.NotifyCount = e.Attempts
			switch e.Status {
			case outbox.StatusDelivered, outbox.StatusFailed:
				it.NotifyStatus = e.Status
			}
		}
		items = append(items, it)
	}
	return items, nil
}
