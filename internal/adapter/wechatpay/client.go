package wechatpay

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// DefaultBaseURL is the production API host.
const DefaultBaseURL = "https://api.mch.weixin.qq.com"

// notifyWindow is how far a notification's or answer's timestamp may be from now (the
// documents advise refusing older ones: replays).
const notifyWindow = 5 * time.Minute

// Config is one merchant.
type Config struct {
	AppID, MchID   string
	SerialNo       string          // the merchant API certificate's serial number
	PrivateKey     *rsa.PrivateKey // the merchant API key, signs requests
	APIv3Key       string          // 32 bytes, decrypts notification resources
	PlatformKey    *rsa.PublicKey  // the platform public key, verifies answers and notifications
	PlatformSerial string          // its id (Wechatpay-Serial); empty: not checked
	BaseURL        string
	HTTP           *http.Client
	Now            func() time.Time
}

// Client calls API v3 for one merchant.
type Client struct{ cfg Config }

// New checks the configuration and returns a client.
func New(cfg Config) (*Client, error) {
	if cfg.AppID == "" || cfg.MchID == "" || cfg.SerialNo == "" || cfg.PrivateKey == nil || cfg.PlatformKey == nil {
		return nil, errors.New("wechatpay: app id, merchant id, serial number and both keys are required")
	}
	if len(cfg.APIv3Key) != 32 {
		return nil, errors.New("wechatpay: the APIv3 key must be 32 bytes")
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	if cfg.HTTP == nil {
		cfg.HTTP = &http.Client{Timeout: 10 * time.Second}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Client{cfg: cfg}, nil
}

// APIError is a refusal: the HTTP status and the code/message of the body.
type APIError struct {
	Status  int
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *APIError) Error() string {
	return fmt.Sprintf("wechatpay: HTTP %d %s: %s", e.Status, e.Code, e.Message)
}

func nonce() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return strings.ToUpper(hex.EncodeToString(b[:]))
}

// do sends a signed request and verifies the signed answer; out may be nil.
func (c *Client) do(ctx context.Context, method, path string, body any, out any) error {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return err
		}
	}
	ts, n := strconv.FormatInt(c.cfg.Now().Unix(), 10), nonce()
	sig, err := Sign(c.cfg.PrivateKey, RequestMessage(method, path, ts, n, string(payload)))
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, method, c.cfg.BaseURL+path, bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", Authorization(c.cfg.MchID, c.cfg.SerialNo, n, ts, sig))
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := c.cfg.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return err
	}
	if err = c.verify(res.Header, raw); err != nil {
		return err
	}
	if res.StatusCode >= 300 {
		e := &APIError{Status: res.StatusCode}
		_ = json.Unmarshal(raw, e)
		return e
	}
	if out == nil || len(raw) == 0 {
		return nil
	}
	return json.Unmarshal(raw, out)
}

// verify checks the platform's signature of an answer or notification, and its freshness.
func (c *Client) verify(h http.Header, body []byte) error {
	ts, n, sig := h.Get("Wechatpay-Timestamp"), h.Get("Wechatpay-Nonce"), h.Get("Wechatpay-Signature")
	if ts == "" || n == "" || sig == "" {
		return errors.New("wechatpay: unsigned")
	}
	if c.cfg.PlatformSerial != "" && h.Get("Wechatpay-Serial") != c.cfg.PlatformSerial {
		return errors.New("wechatpay: signed by an unknown platform key")
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return errors.New("wechatpay: bad timestamp")
	}
	if d := c.cfg.Now().Sub(time.Unix(sec, 0)); d > notifyWindow || d < -notifyWindow {
		return errors.New("wechatpay: timestamp out of window")
	}
	return Verify(c.cfg.PlatformKey, ResponseMessage(ts, n, string(body)), sig)
}

// Order is what a Native payment is created from. Amount is fen.
type Order struct {
	OutTradeNo  string
	Amount      int64
	Description string
	NotifyURL   string
	ExpiresAt   time.Time
}

// Native creates a Native payment (/v3/pay/transactions/native) and answers the code_url the
// top-up page shows as a QR code.
func (c *Client) Native(ctx context.Context, o Order) (string, error) {
	body := map[string]any{"appid": c.cfg.AppID, "mchid": c.cfg.MchID, "description": o.Description,
		"out_trade_no": o.OutTradeNo, "notify_url": o.NotifyURL,
		"amount": map[string]any{"total": o.Amount, "currency": "CNY"}}
	if !o.ExpiresAt.IsZero() {
		body["time_expire"] = o.ExpiresAt.Format(time.RFC3339)
	}
	var out struct {
		CodeURL string `json:"code_url"`
	}
	if err := c.do(ctx, http.MethodPost, "/v3/pay/transactions/native", body, &out); err != nil {
		return "", err
	}
	return out.CodeURL, nil
}

// Transaction is a payment's state (a query's answer, a notification's decrypted resource).
type Transaction struct {
	AppID         string `json:"appid"`
	MchID         string `json:"mchid"`
	OutTradeNo    string `json:"out_trade_no"`
	TransactionID string `json:"transaction_id"`
	TradeState    string `json:"trade_state"` // SUCCESS, NOTPAY, CLOSED, REFUND, USERPAYING, PAYERROR, REVOKED
	Amount        struct {
		Total int64 `json:"total"`
	} `json:"amount"`
}

// Paid reports whether the payer paid (a refunded payment was paid too).
func (t Transaction) Paid() bool { return t.TradeState == "SUCCESS" || t.TradeState == "REFUND" }

// Query asks for a payment by our number; one WeChat Pay never saw answers NOTPAY.
func (c *Client) Query(ctx context.Context, outTradeNo string) (Transaction, error) {
	var t Transaction
	err := c.do(ctx, http.MethodGet, "/v3/pay/transactions/out-trade-no/"+url.PathEscape(outTradeNo)+"?mchid="+
		url.QueryEscape(c.cfg.MchID), nil, &t)
	var ae *APIError
	if errors.As(err, &ae) && ae.Code == "ORDER_NOT_EXIST" {
		return Transaction{OutTradeNo: outTradeNo, TradeState: "NOTPAY"}, nil
	}
	return t, err
}

// Close closes an unpaid payment.
func (c *Client) Close(ctx context.Context, outTradeNo string) error {
	return c.do(ctx, http.MethodPost, "/v3/pay/transactions/out-trade-no/"+url.PathEscape(outTradeNo)+"/close",
		map[string]any{"mchid": c.cfg.MchID}, nil)
}

// Refund refunds amount of a payment of total (fen); refundNo makes a retry the same refund.
func (c *Client) Refund(ctx context.Context, outTradeNo, refundNo string, amount, total int64) error {
	return c.do(ctx, http.MethodPost, "/v3/refund/domestic/refunds", map[string]any{"out_trade_no": outTradeNo,
		"out_refund_no": refundNo, "amount": map[string]any{"refund": amount, "total": total, "currency": "CNY"}}, nil)
}

// Notification is the envelope WeChat Pay posts.
type Notification struct {
	ID           string `json:"id"`
	EventType    string `json:"event_type"`
	ResourceType string `json:"resource_type"`
	Resource     struct {
		Algorithm      string `json:"algorithm"`
		Ciphertext     string `json:"ciphertext"`
		AssociatedData string `json:"associated_data"`
		Nonce          string `json:"nonce"`
	} `json:"resource"`
}

// VerifyNotify checks a notification's signature (headers and raw body), decrypts its resource
// and answers the transaction, which must be this merchant's.
func (c *Client) VerifyNotify(h http.Header, body []byte) (Transaction, error) {
	if err := c.verify(h, body); err != nil {
		return Transaction{}, err
	}
	var n Notification
	if err := json.Unmarshal(body, &n); err != nil {
		return Transaction{}, err
	}
	if n.Resource.Algorithm != "AEAD_AES_256_GCM" {
		return Transaction{}, fmt.Errorf("wechatpay: resource algorithm %q", n.Resource.Algorithm)
	}
	plain, err := Decrypt(c.cfg.APIv3Key, n.Resource.Nonce, n.Resource.AssociatedData, n.Resource.Ciphertext)
	if err != nil {
		return Transaction{}, err
	}
	var t Transaction
	if err = json.Unmarshal(plain, &t); err != nil {
		return Transaction{}, err
	}
	if t.MchID != c.cfg.MchID || t.AppID != c.cfg.AppID {
		return Transaction{}, errors.New("wechatpay: notification for another merchant")
	}
	return t, nil
}
