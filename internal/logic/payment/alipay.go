package payment

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"kami/internal/adapter/alipay"
	"kami/internal/logic/settings"
	"kami/internal/service"
)

// The Alipay app (支付宝开放平台应用): its id, its private key (sealed at rest), Alipay's public
// key, the gateway, and how the payer pays: qr (alipay.trade.precreate, a QR code for the
// top-up page) or page (alipay.trade.page.pay, the cashier page in the browser).
const (
	settingAlipayAppID     = "payment.alipay.appId"
	settingAlipayKey       = "payment.alipay.privateKey"
	settingAlipayPublicKey = "payment.alipay.alipayPublicKey"
	settingAlipayGateway   = "payment.alipay.gateway"
	settingAlipayMode      = "payment.alipay.mode"
	settingAlipayReturnURL = "payment.alipay.returnUrl"
)

func init() {
	str := func(key, def string, secret bool) {
		settings.Define(settings.Def{Key: key, Group: "payment", Type: settings.TypeString, Default: def, Secret: secret})
	}
	str(settingAlipayAppID, "", false)
	str(settingAlipayKey, "", true)
	str(settingAlipayPublicKey, "", false)
	str(settingAlipayGateway, alipay.DefaultGateway, false)
	str(settingAlipayReturnURL, "", false)
	settings.Define(settings.Def{Key: settingAlipayMode, Group: "payment", Type: settings.TypeString, Default: "qr",
		Enum: []string{"qr", "page"}})
}

// alipayProvider is the Alipay adapter as the payment logic sees it.
type alipayProvider struct {
	c         *alipay.Client
	mode      string
	returnURL string
}

// newAlipay builds the adapter from the settings as they are now.
func (s *sPayment) newAlipay() (Provider, error) {
	set := service.Settings()
	key, err := alipay.ParsePrivateKey(set.String(settingAlipayKey))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", settingAlipayKey, err)
	}
	pub, err := alipay.ParsePublicKey(set.String(settingAlipayPublicKey))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", settingAlipayPublicKey, err)
	}
	c, err := alipay.New(alipay.Config{AppID: strings.TrimSpace(set.String(settingAlipayAppID)),
		Gateway: strings.TrimSpace(set.String(settingAlipayGateway)), PrivateKey: key, PublicKey: pub,
		HTTP: &http.Client{Timeout: providerTimeout}, Now: s.now})
	if err != nil {
		return nil, err
	}
	return &alipayProvider{c: c, mode: set.String(settingAlipayMode), returnURL: set.String(settingAlipayReturnURL)}, nil
}

func (p *alipayProvider) Create(ctx context.Context, o Order) (string, error) {
	ao := alipay.Order{OutTradeNo: o.OutTradeNo, Amount: o.Amount, Subject: o.Subject, NotifyURL: o.NotifyURL,
		ReturnURL: p.returnURL, ExpiresAt: o.ExpiresAt}
	if p.mode == "page" {
		return p.c.PagePayURL(ao)
	}
	return p.c.Precreate(ctx, ao)
}

func (p *alipayProvider) Notify(_ context.Context, _ http.Header, body []byte) (Trade, error) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return Trade{}, err
	}
	t, err := p.c.VerifyNotify(form)
	if err != nil {
		return Trade{}, err
	}
	return trade(t), nil
}

func (p *alipayProvider) Query(ctx context.Context, outTradeNo string) (Trade, error) {
	t, err := p.c.Query(ctx, outTradeNo)
	if err != nil {
		return Trade{}, err
	}
	return trade(t), nil
}

func (p *alipayProvider) Close(ctx context.Context, outTradeNo string) error {
	return p.c.Close(ctx, outTradeNo)
}

func (p *alipayProvider) Refund(ctx context.Context, outTradeNo, refundNo string, amount, _ int64) error {
	return p.c.Refund(ctx, outTradeNo, refundNo, amount)
}

// Ack is the plain "success" Alipay expects; anything else makes it notify again.
func (p *alipayProvider) Ack() (int, string, string) { return http.StatusOK, "success", "text/plain" }

func trade(t alipay.Trade) Trade {
	return Trade{OutTradeNo: t.OutTradeNo, TradeNo: t.TradeNo, Amount: t.Amount, Paid: t.Paid(),
		Closed: t.Status == "TRADE_CLOSED"}
}
