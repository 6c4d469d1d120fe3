package payment

import (
	"context"

	"github.com/gogf/gf/v2/frame/g"

	v1 "kami/api/payment/v1"
	"kami/internal/errs"
)

// Notify takes a provider's asynchronous notification: the channel's adapter verifies its
// signature and reads the trade, confirm applies it, and the provider gets the answer it
// expects (anything else makes it retry, which a refused notify should get: 400).
func (s *sPayment) Notify(ctx context.Context, req *v1.NotifyReq) (*v1.NotifyRes, error) {
	r := g.RequestFromCtx(ctx)
	prov, err := s.provider(req.Channel)
	if err != nil {
		s.log(ctx, 0, "", "notify", resultRefused, req.Channel+": channel disabled")
		return nil, err
	}
	body := r.GetBody()
	t, err := prov.Notify(ctx, r.Header, body)
	if err != nil {
		s.log(ctx, 0, "", "notify", resultRefused, req.Channel+": "+err.Error())
		g.Log().Warningf(ctx, "payment %s: notify refused: %v", req.Channel, err)
		s.alertForged(ctx, req.Channel, err.Error())
		return nil, errs.PaymentNotify.New()
	}
	if _, err = s.confirm(ctx, req.Channel, "notify", t); err != nil {
		return nil, err
	}
	status, text, typ := prov.Ack()
	r.Response.Header().Set("Content-Type", typ)
	r.Response.WriteHeader(status)
	r.Response.Write(text)
	return &v1.NotifyRes{}, nil
}
