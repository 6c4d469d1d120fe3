package payment

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/service"
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

// alert tells the super-admins of a notify or query that carried a valid signature and still
// did not match (another amount, an order we do not have, a trade number of another order):
// a provider-side mistake or an attack with a leaked key, for a person to look at. Forged
// signatures are only logged: anyone can send those, and they must not flood the inbox.
func (s *sPayment) alert(ctx context.Context, orderID int64, channel, outTradeNo, reason string) {
	_, err := service.Notify().Send(ctx, model.Notice{
		To: model.Recipients{Roles: []string{consts.RoleSuperAdmin}}, Kind: "payment.alert",
		Template: "payment.mismatch", Ref: model.Ref{Type: "payment.order", ID: orderID},
		Params:   map[string]any{"channel": channel, "outTradeNo": outTradeNo, "reason": reason},
		DedupKey: "payment.mismatch:" + channel + ":" + outTradeNo + ":" + reason,
	})
	if err != nil {
		g.Log().Warningf(ctx, "payment alert of %s: %v", outTradeNo, err)
	}
}

// alertForged tells the super-admins that a notification with a bad signature reached the
// channel (seed 001 §12.1: refused and alerted): once per channel per hour, so a flood of
// forgeries is one alert, not one per request.
func (s *sPayment) alertForged(ctx context.Context, channel, reason string) {
	hour := s.now().Truncate(time.Hour).Format("2006010215")
	_, err := service.Notify().Send(ctx, model.Notice{
		To: model.Recipients{Roles: []string{consts.RoleSuperAdmin}}, Kind: "payment.alert",
		Template: "payment.forged", Ref: model.Ref{Type: "payment.channel"},
		Params:   map[string]any{"channel": channel, "reason": reason},
		DedupKey: "payment.forged:" + channel + ":" + hour,
	})
	if err != nil {
		g.Log().Warningf(ctx, "payment alert of a forged %s notify: %v", channel, err)
	}
}
