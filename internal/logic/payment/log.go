package payment

import (
	"context"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
)

// Results of a logged step.
const (
	resultOK        = "ok"
	resultRefused   = "refused"
	resultDuplicate = "duplicate"
	resultPending   = "pending"
	resultFailed    = "failed"
)

// log writes one step of an order to payment_logs. It runs in ctx's transaction when there is
// one (a credit and its "paid" row land together); a failure to log is reported, never allowed
// to undo a payment.
func (s *sPayment) log(ctx context.Context, orderID int64, outTradeNo, step, result, detail string) {
	if len(detail) > 1000 {
		detail = detail[:1000]
	}
	_, err := dao.PaymentLogs.Ctx(ctx).Data(do.PaymentLogs{OrderId: orderID, OutTradeNo: outTradeNo, Step: step,
		Result: result, Detail: detail, CreatedAt: gtime.NewFromTime(s.now())}).Insert()
	if err != nil {
		g.Log().Warningf(ctx, "payment log %s/%s of %s: %v", step, result, outTradeNo, err)
	}
}
