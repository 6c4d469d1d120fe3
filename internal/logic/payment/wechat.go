package payment

import (
	"context"
	"net/http"
	"strings"

	"kami/internal/adapter/wechatpay"
	"kami/internal/logic/settings"
	"kami/internal/service"
)

// The WeChat Pay merchant (API v3): app id, merchant id, the merchant API certificate's serial
// number and private key (sealed), the APIv3 key (sealed), the platform public key and its id.
const (
	settingWechatAppID          = "payment.wechat.appId"
	settingWechatMchID          = "payment.wechat.mchId"
	settingWechatSerial         = "payment.wechat.serialNo"
	settingWechatKey            = "payment.wechat.privateKey"
	settingWechatAPIv3Key       = "payment.wechat.apiV3Key"
	settingWechatPlatformKey    = "payment.wechat.platformPublicKey"
	settingWechatPlatformSerial = "payment.wechat.platformPublicKeyId"
	settingWechatBaseURL        = "payment.wechat.baseUrl"
)

func init() {
	str := func(key, def string, secret bool) {
		settings.Define(settings.Def{Key: key, Group: "payment", Type: settings.TypeString, Default: def, Secret: secret})
	}
	str(settingWechatAppID, "", false)
	str(settingWechatMchID, "", false)
	str(settingWechatSerial, "", false)
	str(settingWechatKey, "", true)
	str(settingWechatAPIv3Key, "", true)
	str(settingWechatPlatformKey, "", false)
	str(settingWechatPlatformSerial, "", false)
	str(settingWechatBaseURL, wechatpay.DefaultBaseURL, false)
}

// wechatProvider is the WeChat Pay adapter as the payment logic sees it (Native payment: the
// code_url is the QR code's content).
type wechatProvider struct{ c *wechatpay.Client }

func (s *sPayment) newWechat() (Provider, error) {
	set := service.Settings()
	key, err := wechatpay.ParsePrivateKey(set.String(settingWechatKey))
	if err != nil {
		return nil, err
	}
	pub, err := wechatpay.ParsePublicKey(set.String(settingWechatPlatformKey))
	if err != nil {
		return nil, err
	}
	c, err := wechatpay.New(wechatpay.Config{AppID: strings.TrimSpace(set.String(settingWechatAppID)),
		MchID: strings.TrimSpace(set.String(settingWechatMchID)), SerialNo: strings.TrimSpace(set.String(settingWechatSerial)),
		PrivateKey: key, APIv3Key: set.String(settingWechatAPIv3Key), PlatformKey: pub,
		PlatformSerial: strings.TrimSpace(set.String(settingWechatPlatformSerial)),
		BaseURL:        strings.TrimSpace(set.String(settingWechatBaseURL)), HTTP: &http.Client{Timeout: providerTimeout},
		Now: s.now})
	if err != nil {
		return nil, err
	}
	return &wechatProvider{c: c}, nil
}

func (p *wechatProvider) Create(ctx context.Context, o Order) (string, error) {
	return p.c.Native(ctx, wechatpay.Order{OutTradeNo: o.OutTradeNo, Amount: o.Amount, Description: o.Subject,
		NotifyURL: o.NotifyURL, ExpiresAt: o.ExpiresAt})
}

func (p *wechatProvider) Notify(_ context.Context, h http.Header, body []byte) (Trade, error) {
	t, err := p.c.VerifyNotify(h, body)
	if err != nil {
		return Trade{}, err
	}
	return wechatTrade(t), nil
}

func (p *wechatProvider) Query(ctx context.Context, outTradeNo string) (Trade, error) {
	t, err := p.c.Query(ctx, outTradeNo)
	if err != nil {
		return Trade{}, err
	}
	return wechatTrade(t), nil
}

func (p *wechatProvider) Close(ctx context.Context, outTradeNo string) error {
	return p.c.Close(ctx, outTradeNo)
}

func (p *wechatProvider) Refund(ctx context.Context, outTradeNo, refundNo string, amount, total int64) error {
	return p.c.Refund(ctx, outTradeNo, refundNo, amount, total)
}

// Ack: API v3 takes a 200 or 204 without a body as accepted.
func (p *wechatProvider) Ack() (int, string, string) { return http.StatusNoContent, "", "text/plain" }

func wechatTrade(t wechatpay.Transaction) Trade {
	return Trade{OutTradeNo: t.OutTradeNo, TradeNo: t.TransactionID, Amount: t.Amount.Total, Paid: t.Paid(),
		Closed: t.TradeState == "CLOSED"}
}
