package errs

// Payment codes (top-up orders, provider notifies): last two digits 92-96 (conventions.md).
var (
	// PaymentAmount: the top-up amount is outside payment.minAmount..payment.maxAmount.
	PaymentAmount = define(40092, "PAYMENT_AMOUNT_INVALID")
	// PaymentChannel: the channel is not enabled (payment.channels) or not configured.
	PaymentChannel = define(40093, "PAYMENT_CHANNEL_DISABLED")
	// PaymentNotify: a notify with a bad signature, an unknown order or a wrong amount.
	PaymentNotify = define(40094, "PAYMENT_NOTIFY_INVALID")
	// PaymentNotRefundable: only a paid order whose amount the payer still holds is refunded.
	PaymentNotRefundable = define(40992, "PAYMENT_NOT_REFUNDABLE")
	// PaymentProvider: the provider did not answer or refused; nothing was written.
	PaymentProvider = define(50392, "PAYMENT_PROVIDER_FAILED")
	// PaymentRefundPending: the quota was taken back but the provider's refund is not confirmed;
	// the order stays refunding and repeating the refund asks the provider again.
	PaymentRefundPending = define(50393, "PAYMENT_REFUND_PENDING")
)
