package payment

import "kami/internal/errs"

// configured builds the channel's real adapter from its settings. Until a channel's adapter and
// settings are in place, the channel is unavailable: enabling it without a provider answers
// PAYMENT_CHANNEL_DISABLED rather than taking orders nobody can pay.
func (s *sPayment) configured(channel string) (Provider, error) {
	return nil, errs.PaymentChannel.New()
}
