package payment

import (
	"context"

	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/payment/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/logic/job"
	"kami/internal/model/entity"
	"kami/internal/service"
)

// QueryJob asks the providers about orders still pending past payment.queryAfter: a lost
// notify is confirmed by it.
const QueryJob = "payment.query"

// queryBatch bounds one run; the next run takes the rest.
const queryBatch = 200

func init() {
	job.Register(job.Def{
		Name:            QueryJob,
		Description:     "Ask the payment providers about top-up orders pending past payment.queryAfter; a payment they report is credited",
		DefaultSchedule: "@every 1m",
		Run:             func(ctx context.Context) (int, error) { return service.Payment().QueryPending(ctx) },
	})
}

// Query is the manual re-query of one order in the caller's scope.
func (s *sPayment) Query(ctx context.Context, req *v1.OrderQueryReq) (*v1.OrderQueryRes, error) {
	o, err := orderInScope(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if o.Status == StatusPending {
		if err = s.query(ctx, o); err != nil {
			return nil, err
		}
	}
	item, err := s.item(ctx, o.Id)
	if err != nil {
		return nil, err
	}
	return &v1.OrderQueryRes{OrderItem: *item}, nil
}

// query asks the provider about one order and applies the answer.
func (s *sPayment) query(ctx context.Context, o *entity.PaymentOrders) error {
	prov, err := s.provider(o.Channel)
	if err != nil {
		return err
	}
	t, err := prov.Query(ctx, o.OutTradeNo)
	if err != nil {
		s.log(ctx, o.Id, o.OutTradeNo, "query", resultFailed, err.Error())
		return errs.PaymentProvider.Wrap(err)
	}
	t.OutTradeNo = o.OutTradeNo
	_, err = s.confirm(ctx, o.Channel, "query", t)
	return err
}

// QueryPending queries the orders pending past payment.queryAfter that have not expired (the
// close job takes those) and answers how many it asked about.
func (s *sPayment) QueryPending(ctx context.Context) (int, error) {
	now := s.now()
	cols := dao.PaymentOrders.Columns()
	var rows []entity.PaymentOrders
	err := dao.PaymentOrders.Ctx(ctx).Where(cols.Status, StatusPending).
		WhereLTE(cols.CreatedAt, gtime.NewFromTime(now.Add(-service.Settings().Duration(settingQueryAfter)))).
		WhereGT(cols.ExpiresAt, gtime.NewFromTime(now)).OrderAsc(cols.Id).Limit(queryBatch).Scan(&rows)
	if err != nil {
		return 0, err
	}
	for i := range rows {
		// One provider failing or one order refused does not stop the others; each is logged.
		_ = s.query(ctx, &rows[i])
	}
	return len(rows), nil
}
