package payment

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
)

// Fake is an in-memory provider for tests: it remembers the orders created, the payments the
// test makes (Pay) and the refunds, and signs its notifications with HMAC-SHA256 under its
// secret, so a notify without the secret is refused like a forged one.
type Fake struct {
	Secret string

	mu      sync.Mutex
	orders  map[string]int64 // out_trade_no → amount
	paid    map[string]Trade
	closed  map[string]bool
	refunds map[string]int64 // refund number → amount
	// Fail, when set before the fake is installed, makes every call to the provider fail.
	Fail error
	// refundFail, while set (FailRefunds), makes refunds fail: a provider that is down.
	refundFail error
}

// FailRefunds makes the refunds fail with err from now on (nil: they succeed again).
func (f *Fake) FailRefunds(err error) {
	f.mu.Lock()
	f.refundFail = err
	f.mu.Unlock()
}

// NewFake returns a fake provider signing with secret.
func NewFake(secret string) *Fake {
	return &Fake{Secret: secret, orders: map[string]int64{}, paid: map[string]Trade{}, closed: map[string]bool{},
		refunds: map[string]int64{}}
}

type fakeNotice struct {
	OutTradeNo string `json:"outTradeNo"`
	TradeNo    string `json:"tradeNo"`
	Amount     int64  `json:"amount"`
	Sign       string `json:"sign"`
}

func (f *Fake) sign(n fakeNotice) string {
	m := hmac.New(sha256.New, []byte(f.Secret))
	fmt.Fprintf(m, "%s|%s|%d", n.OutTradeNo, n.TradeNo, n.Amount)
	return hex.EncodeToString(m.Sum(nil))
}

// Pay records a payment of the order at the provider (what Query then reports) and answers the
// signed notification the provider would send.
func (f *Fake) Pay(outTradeNo, tradeNo string, amount int64) []byte {
	f.mu.Lock()
	f.paid[outTradeNo] = Trade{OutTradeNo: outTradeNo, TradeNo: tradeNo, Amount: amount, Paid: true}
	f.mu.Unlock()
	return f.NotifyBody(outTradeNo, tradeNo, amount)
}

// NotifyBody is a notification signed by the fake, whatever the provider recorded.
func (f *Fake) NotifyBody(outTradeNo, tradeNo string, amount int64) []byte {
	n := fakeNotice{OutTradeNo: outTradeNo, TradeNo: tradeNo, Amount: amount}
	n.Sign = f.sign(n)
	b, _ := json.Marshal(n)
	return b
}

// Refunds is how many refunds the provider was asked for.
func (f *Fake) Refunds() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.refunds)
}

// Closed reports whether the order was closed at the provider.
func (f *Fake) Closed(outTradeNo string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.closed[outTradeNo]
}

func (f *Fake) Create(_ context.Context, o Order) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.Fail != nil {
		return "", f.Fail
	}
	f.orders[o.OutTradeNo] = o.Amount
	return "https://pay.fake.invalid/" + o.OutTradeNo, nil
}

func (f *Fake) Notify(_ context.Context, _ http.Header, body []byte) (Trade, error) {
	var n fakeNotice
	if err := json.Unmarshal(body, &n); err != nil {
		return Trade{}, err
	}
	if !hmac.Equal([]byte(n.Sign), []byte(f.sign(n))) {
		return Trade{}, errors.New("fake: bad signature")
	}
	return Trade{OutTradeNo: n.OutTradeNo, TradeNo: n.TradeNo, Amount: n.Amount, Paid: true}, nil
}

func (f *Fake) Query(_ context.Context, outTradeNo string) (Trade, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.Fail != nil {
		return Trade{}, f.Fail
	}
	if t, ok := f.paid[outTradeNo]; ok {
		return t, nil
	}
	return Trade{OutTradeNo: outTradeNo, Closed: f.closed[outTradeNo]}, nil
}

func (f *Fake) Close(_ context.Context, outTradeNo string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.Fail != nil {
		return f.Fail
	}
	f.closed[outTradeNo] = true
	return nil
}

func (f *Fake) Refund(_ context.Context, _, refundNo string, amount, _ int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.Fail != nil {
		return f.Fail
	}
	if f.refundFail != nil {
		return f.refundFail
	}
	f.refunds[refundNo] = amount
	return nil
}

func (f *Fake) Ack() (int, string, string) { return http.StatusOK, "success", "text/plain" }
