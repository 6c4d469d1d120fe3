// Package camelplatform is the adapter to the 骆驼加油 platform (camel-oil.md §5): an HTTP client
// speaking the adapter's wire contract, and a Fake that is a real server on 127.0.0.1.
package camelplatform

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Errors the logic tells apart (§2 step 3, §3 poll): each drives a different account move.
var (
	ErrTokenRejected = errors.New("camelplatform: token rejected")
	ErrDailyLimit    = errors.New("camelplatform: daily limit reached")
	ErrBanned        = errors.New("camelplatform: account banned or at risk")
	ErrWrongCode     = errors.New("camelplatform: wrong sms code")
	// ErrUnavailable is a timeout, a transport failure or a 5xx: the platform may have acted.
	ErrUnavailable = errors.New("camelplatform: unavailable")
	// ErrRejected is any other refusal the platform answers with a code.
	ErrRejected = errors.New("camelplatform: rejected")
)

// Platform order statuses (GET /api/orders/{orderNo}).
const (
	OrderUnpaid = "unpaid"
	OrderPaid   = "paid"
	OrderClosed = "closed"
)

// Token is a login's answer.
type Token struct {
	Token     string
	ExpiresAt time.Time
}

// Placed is a new platform order.
type Placed struct {
	OrderNo  string
	PayURL   string
	ExpireAt time.Time
}

// OrderState is the platform's view of an order.
type OrderState struct {
	OrderNo string
	Status  string
	Amount  int64
	PaidAt  time.Time // zero unless paid
}

// Client calls the platform at BaseURL (read per call, so a settings change applies at once).
type Client struct {
	BaseURL func() string
	HTTP    *http.Client
}

// New returns a client with the contract's 8 s timeout.
func New(baseURL func() string) *Client {
	return &Client{BaseURL: baseURL, HTTP: &http.Client{Timeout: 8 * time.Second}}
}

func (c *Client) SendCode(ctx context.Context, phone string) error {
	return c.do(ctx, http.MethodPost, "/api/sms/send", "", map[string]any{"phone": phone}, nil)
}

func (c *Client) Login(ctx context.Context, phone, smsCode string) (Token, error) {
	var d struct {
		Token     string `json:"token"`
		ExpiresAt int64  `json:"expiresAt"`
	}
	err := c.do(ctx, http.MethodPost, "/api/login", "", map[string]any{"phone": phone, "smsCode": smsCode}, &d)
	if err != nil {
		return Token{}, err
	}
	return Token{Token: d.Token, ExpiresAt: time.Unix(d.ExpiresAt, 0).UTC()}, nil
}

// CheckToken answers nil while the token is accepted.
func (c *Client) CheckToken(ctx context.Context, token string) error {
	return c.do(ctx, http.MethodGet, "/api/user", token, nil, nil)
}

func (c *Client) PlaceOrder(ctx context.Context, token, outOrderNo string, amount int64) (Placed, error) {
	var d struct {
		OrderNo  string `json:"orderNo"`
		PayURL   string `json:"payUrl"`
		ExpireAt int64  `json:"expireAt"`
	}
	err := c.do(ctx, http.MethodPost, "/api/orders", token, map[string]any{"outOrderNo": outOrderNo, "amount": amount}, &d)
	if err != nil {
		return Placed{}, err
	}
	return Placed{OrderNo: d.OrderNo, PayURL: d.PayURL, ExpireAt: time.Unix(d.ExpireAt, 0).UTC()}, nil
}

func (c *Client) QueryOrder(ctx context.Context, token, orderNo string) (OrderState, error) {
	var d struct {
		OrderNo string `json:"orderNo"`
		Status  string `json:"status"`
		Amount  int64  `json:"amount"`
		PaidAt  int64  `json:"paidAt"`
	}
	if err := c.do(ctx, http.MethodGet, "/api/orders/"+url.PathEscape(orderNo), token, nil, &d); err != nil {
		return OrderState{}, err
	}
	st := OrderState{OrderNo: d.OrderNo, Status: d.Status, Amount: d.Amount}
	if d.PaidAt > 0 {
		st.PaidAt = time.Unix(d.PaidAt, 0).UTC()
	}
	return st, nil
}

// Wire codes (§5).
const (
	codeOK         = 0
	codeUnauth     = 401
	codeWrongCode  = 1001
	codeDailyLimit = 1101
	codeBanned     = 1102
)

type envelope struct {
	Code    int             `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data"`
}

func (c *Client) do(ctx context.Context, method, path, token string, body, out any) error {
	base := strings.TrimRight(c.BaseURL(), "/")
	if base == "" {
		return fmt.Errorf("%w: platformBaseUrl is not set", ErrUnavailable)
	}
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, base+path, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	switch {
	case err != nil:
		return fmt.Errorf("%w: %v", ErrUnavailable, err)
	case resp.StatusCode == http.StatusUnauthorized:
		return ErrTokenRejected
	case resp.StatusCode >= 500:
		return fmt.Errorf("%w: HTTP %d", ErrUnavailable, resp.StatusCode)
	}
	var env envelope
	if err := json.Unmarshal(raw, &env); err != nil {
		return fmt.Errorf("%w: HTTP %d, body is not the envelope", ErrUnavailable, resp.StatusCode)
	}
	switch env.Code {
	case codeOK:
	case codeUnauth:
		return ErrTokenRejected
	case codeWrongCode:
		return ErrWrongCode
	case codeDailyLimit:
		return ErrDailyLimit
	case codeBanned:
		return ErrBanned
	default:
		return fmt.Errorf("%w: code %d %s", ErrRejected, env.Code, env.Message)
	}
	if out == nil || len(env.Data) == 0 {
		return nil
	}
	if err := json.Unmarshal(env.Data, out); err != nil {
		return fmt.Errorf("%w: data: %v", ErrUnavailable, err)
	}
	return nil
}
