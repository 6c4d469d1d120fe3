// Package pigsms is the adapter to the "Pig" SMS-code platform (豪猪-style 接码 API,
// camel-oil.md §5): an HTTP client and a Fake that is a real server on 127.0.0.1.
package pigsms

import (
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

// ErrUnavailable is a transport failure, a 5xx or an answer that is not the platform's JSON;
// ErrRefused is a well-formed refusal (no number, bad token).
var (
	ErrUnavailable = errors.New("pigsms: unavailable")
	ErrRefused     = errors.New("pigsms: refused")
)

// Config is read per call, so a settings change applies at once.
type Config struct {
	BaseURL, Token, ProjectID string
}

type Client struct {
	Config func() Config
	HTTP   *http.Client
}

func New(cfg func() Config) *Client {
	return &Client{Config: cfg, HTTP: &http.Client{Timeout: 10 * time.Second}}
}

// GetNumber occupies a number; phone, when given, asks for that number (an account's own).
func (c *Client) GetNumber(ctx context.Context, phone string) (string, error) {
	r, err := c.call(ctx, "getPhone", phone)
	if err != nil {
		return "", err
	}
	if !ok(r.Code) || r.Phone == "" {
		return "", fmt.Errorf("%w: getPhone code %s %s", ErrRefused, r.Code, r.Msg)
	}
	return r.Phone, nil
}

// ReadCode answers the code once it arrived; "" with a nil error means poll again.
func (c *Client) ReadCode(ctx context.Context, phone string) (string, error) {
	r, err := c.call(ctx, "getMessage", phone)
	if err != nil {
		return "", err
	}
	if !ok(r.Code) || r.Yzm == "" {
		return "", nil
	}
	return r.Yzm, nil
}

// Release gives the number back.
func (c *Client) Release(ctx context.Context, phone string) error {
	r, err := c.call(ctx, "cancelRecv", phone)
	if err != nil {
		return err
	}
	if !ok(r.Code) {
		return fmt.Errorf("%w: cancelRecv code %s", ErrRefused, r.Code)
	}
	return nil
}

func ok(code string) bool { return code == "0" || code == "200" }

type answer struct {
	Code  string `json:"code"`
	Msg   string `json:"msg"`
	Phone string `json:"phone"`
	Sms   string `json:"sms"`
	Yzm   string `json:"yzm"`
}

func (c *Client) call(ctx context.Context, api, phone string) (*answer, error) {
	cfg := c.Config()
	base := strings.TrimRight(cfg.BaseURL, "/")
	if base == "" {
		return nil, fmt.Errorf("%w: smsBaseUrl is not set", ErrUnavailable)
	}
	q := url.Values{"api": {api}, "token": {cfg.Token}, "sid": {cfg.ProjectID}}
	if phone != "" {
		q.Set("phone", phone)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/sms/?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil || resp.StatusCode >= 500 {
		return nil, fmt.Errorf("%w: HTTP %d %v", ErrUnavailable, resp.StatusCode, err)
	}
	// The platform sends code as a string, some deployments as a number: accept both.
	var loose struct {
		answer
		Code json.RawMessage `json:"code"`
	}
	if err := json.Unmarshal(raw, &loose); err != nil {
		return nil, fmt.Errorf("%w: not JSON", ErrUnavailable)
	}
	a := loose.answer
	a.Code = strings.Trim(string(loose.Code), `"`)
	return &a, nil
}
