package payment

import (
	"context"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
)

// CloseJob closes the orders unpaid past their timeout (payment.orderTimeout).
const CloseJob = "payment.close"

func init() {
	job.Register(job.Def{
		Name:            CloseJob,
		Description:     "Close top-up orders unpaid past payment.orderTimeout, after a last query to the provider",
		DefaultSchedule: "@every 1m",
		Run:             func(ctx context.Context) (int, error) { return service.Payment().CloseExpired(ctx) },
	})
}

// CloseExpired closes the expired pending orders and answers how many it closed. Each gets a
// last query first (a payment made just before the timeout is credited, not lost), then the
// provider's close, then the guarded pending → closed update: a confirmation racing it wins or
// loses cleanly.
func (s *sPayment) CloseExpired(ctx context.Context) (int, error) {
	now := s.now()
	cols := dao.PaymentOrders.Columns()
	var rows []entity.PaymentOrders
	err := dao.PaymentOrders.Ctx(ctx).Where(cols.Status, StatusPending).WhereLTE(cols.ExpiresAt, gtime.NewFromTime(now)).
		OrderAsc(cols.Id).Limit(queryBatch).Scan(&rows)
	if err != nil {
		return 0, err
	}
	closed := 0
	for i := range rows {
		o := &rows[i]
		prov, err := s.provider(o.Channel)
		if err == nil {
			if t, qerr := prov.Query(ctx, o.OutTradeNo); qerr == nil && t.Paid {
				t.OutTradeNo = o.OutTradeNo
				_, _ = s.confirm(ctx, o.Channel, "query", t)
				continue
			}
			if cerr := prov.Close(ctx, o.OutTradeNo); cerr != nil {
				// Not closed at the provider: it could still be paid, so it stays pending and
				// the next run tries again.
				s.log(ctx, o.Id, o.OutTradeNo, "close", resultFailed, cerr.Error())
				continue
			}
		}
		res, err := dao.PaymentOrders.Ctx(ctx).Data(do.PaymentOrders{Status: StatusClosed,
			ClosedAt: gtime.NewFromTime(now), UpdatedAt: gtime.NewFromTime(now)}).
			Where(cols.Id, o.Id).Where(cols.Status, StatusPending).Update()
		if err != nil {
			return closed, err
		}
		if n, _ := res.RowsAffected(); n == 1 {
			closed++
			s.log(ctx, o.Id, o.OutTradeNo, "close", resultOK, "timed out")
		}
	}
	return closed, nil
}
