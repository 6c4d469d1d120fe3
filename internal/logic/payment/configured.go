package payment

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/errs"
)

// providerTimeout bounds one call to a provider.
const providerTimeout = 10 * time.Second

// configured builds the channel's real adapter from its settings (read on every use, so a
// change is live at once; parsing the keys costs microseconds). A channel enabled but not (or
// badly) configured is unavailable: PAYMENT_CHANNEL_DISABLED, and the reason in the log.
func (s *sPayment) configured(channel string) (Provider, error) {
	var (
		p   Provider
		err error
	)
	switch channel {
	case ChannelAlipay:
		p, err = s.newAlipay()
	case ChannelWechat:
		p, err = s.newWechat()
	default:
		return nil, errs.PaymentChannel.New()
	}
	if err != nil {
		g.Log().Warningf(context.Background(), "payment %s is enabled but not usable: %v", channel, err)
		return nil, errs.PaymentChannel.New()
	}
	return p, nil
}
