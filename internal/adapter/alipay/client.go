package alipay

import (
	"context"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultGateway is the production gateway.
const DefaultGateway = "https://openapi.alipay.com/gateway.do"

// Config is one Alipay app.
type Config struct {
	AppID      string
	Gateway    string          // DefaultGateway, or a sandbox's / a test's
	PrivateKey *rsa.PrivateKey // the app's key, signs requests
	PublicKey  *rsa.PublicKey  // Alipay's key, verifies answers and notifications
	HTTP       *http.Client
	Now        func() time.Time
}

// Client calls the gateway for one app.
type Client struct{ cfg Config }

// New checks the configuration and returns a client.
func New(cfg Config) (*Client, error) {
	if cfg.AppID == "" || cfg.PrivateKey == nil || cfg.PublicKey == nil {
		return nil, errors.New("alipay: app id and both keys are required")
	}
	if cfg.Gateway == "" {
		cfg.Gateway = DefaultGateway
	}
	if cfg.HTTP == nil {
		cfg.HTTP = &http.Client{Timeout: 10 * time.Second}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Client{cfg: cfg}, nil
}

// shanghai is the zone of the timestamp parameter (the gateway's, GMT+8).
var shanghai = time.FixedZone("CST", 8*3600)

// params is a signed request: the common parameters, biz_content, sign.
func (c *Client) params(method string, biz any, extra map[string]string) (url.Values, error) {
	content, err := json.Marshal(biz)
	if err != nil {
		return nil, err
	}
	v := url.Values{}
	v.Set("app_id", c.cfg.AppID)
	v.Set("method", method)
	v.Set("format", "JSON")
	v.Set("charset", "utf-8")
	v.Set("sign_type", "RSA2")
	v.Set("timestamp", c.cfg.Now().In(shanghai).Format("2006-01-02 15:04:05"))
	v.Set("version", "1.0")
	v.Set("biz_content", string(content))
	for k, x := range extra {
		if x != "" {
			v.Set(k, x)
		}
	}
	// A request is signed over every parameter but sign (sign_type included).
	sig, err := Sign(c.cfg.PrivateKey, StringToSign(v, "sign"))
	if err != nil {
		return nil, err
	}
	v.Set("sign", sig)
	return v, nil
}

// Reply is the common part of every answer: code "10000" is success.
type Reply struct {
	Code    string `json:"code"`
	Msg     string `json:"msg"`
	SubCode string `json:"sub_code"`
	SubMsg  string `json:"sub_msg"`
}

func (r Reply) err() error {
	if r.Code == "10000" {
		return nil
	}
	return &APIError{Code: r.Code, SubCode: r.SubCode, Msg: strings.TrimSpace(r.Msg + " " + r.SubMsg)}
}

// APIError is a business refusal of the gateway.
type APIError struct{ Code, SubCode, Msg string }

func (e *APIError) Error() string { return fmt.Sprintf("alipay: %s %s: %s", e.Code, e.SubCode, e.Msg) }

// call posts a request and verifies the answer's signature over the raw "<method>_response"
// object before decoding it into out.
func (c *Client) call(ctx context.Context, method string, biz any, extra map[string]string, out any) error {
	v, err := c.params(method, biz, extra)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.cfg.Gateway, strings.NewReader(v.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
	res, err := c.cfg.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return err
	}
	var doc map[string]json.RawMessage
	if err = json.Unmarshal(body, &doc); err != nil {
		return fmt.Errorf("alipay: HTTP %d, not JSON", res.StatusCode)
	}
	raw := doc[strings.ReplaceAll(method, ".", "_")+"_response"]
	if raw == nil {
		raw = doc["error_response"]
	}
	var sig string
	_ = json.Unmarshal(doc["sign"], &sig)
	var reply Reply
	if err = json.Unmarshal(raw, &reply); err != nil {
		return fmt.Errorf("alipay: no %s answer", method)
	}
	// A refusal before the app is known (bad app id, bad signature) comes unsigned.
	if sig == "" {
		if e := reply.err(); e != nil {
			return e
		}
		return errors.New("alipay: unsigned answer")
	}
	if err = Verify(c.cfg.PublicKey, string(raw), sig); err != nil {
		return err
	}
	if err = reply.err(); err != nil {
		return err
	}
	return json.Unmarshal(raw, out)
}

// Order is what a payment is created from. Amounts are fen.
type Order struct {
	OutTradeNo string
	Amount     int64
	Subject    string
	NotifyURL  string
	ReturnURL  string
	ExpiresAt  time.Time
}

func (o Order) biz(product string) map[string]any {
	b := map[string]any{"out_trade_no": o.OutTradeNo, "total_amount": Yuan(o.Amount), "subject": o.Subject}
	if product != "" {
		b["product_code"] = product
	}
	if !o.ExpiresAt.IsZero() {
		b["time_expire"] = o.ExpiresAt.In(shanghai).Format("2006-01-02 15:04:05")
	}
	return b
}

// PagePayURL is the computer-website payment (alipay.trade.page.pay): the signed request as a
// gateway URL the payer's browser opens; nothing is sent from here.
func (c *Client) PagePayURL(o Order) (string, error) {
	v, err := c.params("alipay.trade.page.pay", o.biz("FAST_INSTANT_TRADE_PAY"),
		map[string]string{"notify_url": o.NotifyURL, "return_url": o.ReturnURL})
	if err != nil {
		return "", err
	}
	return c.cfg.Gateway + "?" + v.Encode(), nil
}

// Precreate is the face-to-face QR payment (alipay.trade.precreate): the QR code's content.
func (c *Client) Precreate(ctx context.Context, o Order) (string, error) {
	var out struct {
		QRCode string `json:"qr_code"`
	}
	if err := c.call(ctx, "alipay.trade.precreate", o.biz(""), map[string]string{"notify_url": o.NotifyURL}, &out); err != nil {
		return "", err
	}
	return out.QRCode, nil
}

// Trade is the state of a trade (alipay.trade.query, or a notification). Amount is fen.
type Trade struct {
	OutTradeNo string
	TradeNo    string
	Status     string // WAIT_BUYER_PAY, TRADE_SUCCESS, TRADE_FINISHED, TRADE_CLOSED
	Amount     int64
	AppID      string
}

// Paid reports whether the payer paid.
func (t Trade) Paid() bool { return t.Status == "TRADE_SUCCESS" || t.Status == "TRADE_FINISHED" }

// Query asks for a trade by our number; a trade Alipay never saw answers Status "" (not paid).
func (c *Client) Query(ctx context.Context, outTradeNo string) (Trade, error) {
	var out struct {
		TradeNo     string `json:"trade_no"`
		OutTradeNo  string `json:"out_trade_no"`
		TradeStatus string `json:"trade_status"`
		TotalAmount string `json:"total_amount"`
	}
	err := c.call(ctx, "alipay.trade.query", map[string]any{"out_trade_no": outTradeNo}, nil, &out)
	var ae *APIError
	if errors.As(err, &ae) && ae.SubCode == "ACQ.TRADE_NOT_EXIST" {
		return Trade{OutTradeNo: outTradeNo}, nil // a QR code nobody scanned yet
	}
	if err != nil {
		return Trade{}, err
	}
	amount, err := Fen(out.TotalAmount)
	if err != nil {
		return Trade{}, err
	}
	return Trade{OutTradeNo: out.OutTradeNo, TradeNo: out.TradeNo, Status: out.TradeStatus, Amount: amount}, nil
}

// Close closes an unpaid trade (alipay.trade.close); one Alipay never saw is closed already.
func (c *Client) Close(ctx context.Context, outTradeNo string) error {
	var out struct{}
	err := c.call(ctx, "alipay.trade.close", map[string]any{"out_trade_no": outTradeNo}, nil, &out)
	var ae *APIError
	if errors.As(err, &ae) && ae.SubCode == "ACQ.TRADE_NOT_EXIST" {
		return nil
	}
	return err
}

// Refund refunds amount fen of a trade (alipay.trade.refund); refundNo (out_request_no) makes a
// retry the same refund.
func (c *Client) Refund(ctx context.Context, outTradeNo, refundNo string, amount int64) error {
	var out struct{}
	return c.call(ctx, "alipay.trade.refund", map[string]any{"out_trade_no": outTradeNo,
		"refund_amount": Yuan(amount), "out_request_no": refundNo}, nil, &out)
}

// VerifyNotify checks an asynchronous notification (the form Alipay posts): signed over every
// parameter but sign and sign_type, by Alipay's key, for this app.
func (c *Client) VerifyNotify(form url.Values) (Trade, error) {
	if err := Verify(c.cfg.PublicKey, StringToSign(form, "sign", "sign_type"), form.Get("sign")); err != nil {
		return Trade{}, err
	}
	if form.Get("app_id") != c.cfg.AppID {
		return Trade{}, errors.New("alipay: notification for another app")
	}
	amount, err := Fen(form.Get("total_amount"))
	if err != nil {
		return Trade{}, err
	}
	return Trade{OutTradeNo: form.Get("out_trade_no"), TradeNo: form.Get("trade_no"), Status: form.Get("trade_status"),
		Amount: amount, AppID: form.Get("app_id")}, nil
}
