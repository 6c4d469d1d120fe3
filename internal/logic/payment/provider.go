package payment

import (
	"context"
	"net/http"
	"time"
)

// Provider is what the payment logic needs from a payment provider (Alipay, WeChat Pay): the
// logic owns this interface, each adapter (internal/adapter/alipay, internal/adapter/wechatpay)
// is wrapped to it, and tests install a Fake. Amounts here are 分, the providers' unit; the
// logic converts from and to ledger units (kami.quota.unitsPerYuan).
type Provider interface {
	// Create registers the order with the provider and answers the URL (or QR content) to pay.
	Create(ctx context.Context, o Order) (payURL string, err error)
	// Notify verifies an asynchronous notification (signature, app) and answers the trade it
	// reports; an error means it is forged or malformed and nothing may be credited.
	Notify(ctx context.Context, header http.Header, body []byte) (Trade, error)
	// Query asks the provider for the order's state.
	Query(ctx context.Context, outTradeNo string) (Trade, error)
	// Close stops an unpaid order from being paid later.
	Close(ctx context.Context, outTradeNo string) error
	// Refund returns amount of a paid trade to the payer.
	Refund(ctx context.Context, outTradeNo, refundNo string, amount, total int64) error
	// Ack is the answer the provider expects to an accepted notification (status, body, type).
	Ack() (status int, body, contentType string)
}

// Order is what a provider is told of a new order.
type Order struct {
	OutTradeNo string
	Amount     int64
	Subject    string
	NotifyURL  string
	ExpiresAt  time.Time
}

// Trade is a provider's word on an order: Paid with its trade number and the amount paid.
type Trade struct {
	OutTradeNo string
	TradeNo    string
	Amount     int64
	Paid       bool
	Closed     bool // the provider closed it (or never saw it paid and it is over)
}
