package ipipv

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"net/http"
	"net/http/httptrace"
	"strings"
	"time"
)

// Class decides timeout and retries per the contract's §1 "Errors and retries".
type Class int

const (
	// Read: info, product, area, order, instance, user info, flow logs.
	Read Class = iota
	// IdempotentWrite: user/v2, proxy/user/v2, flow limit, whitelist add/del (retried as reads).
	IdempotentWrite
	// OrderWrite: open, assign, renew, release; retried only when provably never sent.
	OrderWrite
	// Draw: one retry.
	Draw
	// Return: proxy/return/v2, never retried (it moves upstream money).
	Return
)

func (c Class) policy() (timeout time.Duration, attempts int) {
	switch c {
	case OrderWrite:
		return 8 * time.Second, 3
	case Draw:
		return 6 * time.Second, 2
	case Return:
		return 6 * time.Second, 1
	}
	return 6 * time.Second, 3
}

// Config is what the super-admin sets (proxy.* settings); a change builds a new Client.
type Config struct {
	BaseURL   string
	AppKey    string
	AppSecret string
	Encrypt   string // "AES" unless set
}

// Configured reports whether the three mandatory settings are present.
func (c Config) Configured() bool { return c.BaseURL != "" && c.AppKey != "" && c.AppSecret != "" }

// CallRecord is one attempt, handed to the logic for proxy_call_log.
type CallRecord struct {
	Path, ReqID, AppOrderNo string
	Took                    time.Duration
	HTTPStatus, Code        int
	Msg                     string
}

// Client sends envelopes. HTTP, Breaker, Sleep and OnCall are injectable for tests.
type Client struct {
	cfg     Config
	HTTP    *http.Client
	Breaker *Breaker
	// Sleep waits the backoff; tests replace it so retries do not cost wall time.
	Sleep func(ctx context.Context, d time.Duration) error
	// OnCall is told of every attempt (nil = nobody).
	OnCall func(CallRecord)
	// Pace waits until the deployment's request rate to the upstream admits one more attempt
	// (the rps setting, across every node); nil = no pacing. Its error is "not sent".
	Pace func(ctx context.Context) error
}

// New builds a client; the breaker is passed in so it survives a settings change.
func New(cfg Config, br *Breaker) *Client {
	if cfg.Encrypt == "" {
		cfg.Encrypt = "AES"
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	if br == nil {
		br = NewBreaker(time.Now)
	}
	return &Client{cfg: cfg, HTTP: &http.Client{}, Breaker: br, Sleep: sleepCtx}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// NewReqID is 32 random hex characters.
func NewReqID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

const orderAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// NewAppOrderNo is PX + yyMMddHHmmss (Asia/Shanghai) + 8 [A-Z0-9].
func NewAppOrderNo(now time.Time) string {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		loc = time.FixedZone("CST", 8*3600)
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	for i := range b {
		b[i] = orderAlphabet[int(b[i])%len(orderAlphabet)]
	}
	return "PX" + now.In(loc).Format("060102150405") + string(b[:])
}

type envelope struct {
	Version string `json:"version"`
	Encrypt string `json:"encrypt"`
	AppKey  string `json:"appKey"`
	ReqID   string `json:"reqId"`
	Params  string `json:"params,omitempty"`
}

type answer struct {
	ReqID string          `json:"reqId"`
	Code  int             `json:"code"`
	Msg   string          `json:"msg"`
	Data  json.RawMessage `json:"data"`
}

// Call marshals params (nil = none) and sends them under reqID; out (nil = ignore) receives
// the decrypted data.
func (c *Client) Call(ctx context.Context, class Class, path, reqID string, params, out any) error {
	var plain []byte
	if params != nil {
		var err error
		if plain, err = json.Marshal(params); err != nil {
			return &Error{Kind: NotSent, Path: path, Err: err}
		}
	}
	return c.Send(ctx, class, path, reqID, "", plain, out)
}

// Send sends already-marshalled params: order writes store these bytes with the order row and
// re-send them unchanged (the fixed IV makes the encrypted body identical too).
func (c *Client) Send(ctx context.Context, class Class, path, reqID, appOrderNo string, plain []byte, out any) error {
	timeout, attempts := class.policy()
	var last *Error
	for n := 0; n < attempts; n++ {
		if n > 0 {
			base := 200 * time.Millisecond << (2 * (n - 1)) // 200 ms · 4ⁿ
			jitter := time.Duration((mrand.Float64()*0.4 - 0.2) * float64(base))
			if err := c.Sleep(ctx, base+jitter); err != nil {
				return last
			}
		}
		if !c.Breaker.Allow() {
			return &Error{Kind: BreakerOpen, Path: path}
		}
		if c.Pace != nil {
			if err := c.Pace(ctx); err != nil {
				return &Error{Kind: NotSent, Path: path, Err: err}
			}
		}
		e := c.once(ctx, timeout, path, reqID, appOrderNo, plain, out)
		c.Breaker.Done(e != nil && e.transport())
		if e == nil {
			return nil
		}
		last = e
		if !e.retryable() || (class == OrderWrite && e.Kind != NotSent) {
			break
		}
	}
	return last
}

func (c *Client) once(ctx context.Context, timeout time.Duration, path, reqID, appOrderNo string, plain []byte, out any) (ce *Error) {
	start := time.Now()
	rec := CallRecord{Path: path, ReqID: reqID, AppOrderNo: appOrderNo}
	defer func() {
		if c.OnCall != nil {
			rec.Took = time.Since(start)
			if ce != nil && ce.Kind == Rejected {
				rec.Code, rec.Msg = ce.Code, ce.Msg
			} else if ce == nil {
				rec.Code = 200
			}
			c.OnCall(rec)
		}
	}()
	key := []byte(c.cfg.AppSecret)
	env := envelope{Version: "v2", Encrypt: c.cfg.Encrypt, AppKey: c.cfg.AppKey, ReqID: reqID}
	if plain != nil {
		p, err := Encrypt(key, plain)
		if err != nil {
			return &Error{Kind: NotSent, Path: path, Err: err}
		}
		env.Params = p
	}
	body, _ := json.Marshal(env)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	wrote := false
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteHeaders: func() { wrote = true },
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.cfg.BaseURL+path, bytes.NewReader(body))
	if err != nil {
		return &Error{Kind: NotSent, Path: path, Err: err}
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		if !wrote {
			return &Error{Kind: NotSent, Path: path, Err: err}
		}
		return &Error{Kind: NoAnswer, Path: path, Err: err}
	}
	defer resp.Body.Close()
	rec.HTTPStatus = resp.StatusCode
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return &Error{Kind: NoAnswer, Path: path, HTTPStatus: resp.StatusCode, Err: err}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return &Error{Kind: NoAnswer, Path: path, HTTPStatus: resp.StatusCode, Err: fmt.Errorf("http %d", resp.StatusCode)}
	}
	var a answer
	if err := json.Unmarshal(raw, &a); err != nil {
		return &Error{Kind: NoAnswer, Path: path, HTTPStatus: resp.StatusCode, Err: err}
	}
	if err := decodeAnswer(key, a, out); err != nil {
		var be *Error
		if errors.As(err, &be) {
			be.Path, be.HTTPStatus = path, resp.StatusCode
			return be
		}
		return &Error{Kind: NoAnswer, Path: path, HTTPStatus: resp.StatusCode, Err: err}
	}
	return nil
}

// decodeAnswer applies the answer rule, unwrapping a decrypted {code,msg,data} exactly once.
func decodeAnswer(key []byte, a answer, out any) error {
	for depth := 0; ; depth++ {
		if a.Code != 200 {
			return &Error{Kind: Rejected, Code: a.Code, Msg: a.Msg}
		}
		var s string
		if len(a.Data) == 0 || string(a.Data) == "null" {
			return nil
		}
		if err := json.Unmarshal(a.Data, &s); err != nil {
			if depth == 0 {
				return fmt.Errorf("data is not a string: %w", err)
			}
			// A nested payload may already be plain JSON once the outer layer is decrypted.
			if out == nil {
				return nil
			}
			return json.Unmarshal(a.Data, out)
		}
		if s == "" {
			return nil
		}
		plain, err := Decrypt(key, s)
		if err != nil {
			return err
		}
		if depth == 0 {
			var inner map[string]json.RawMessage
			if json.Unmarshal(plain, &inner) == nil && len(inner) == 3 &&
				inner["code"] != nil && inner["msg"] != nil && inner["data"] != nil {
				var nested answer
				if json.Unmarshal(plain, &nested) == nil {
					a = nested
					continue
				}
			}
		}
		if out == nil {
			return nil
		}
		if err := json.Unmarshal(plain, out); err != nil {
			return fmt.Errorf("data: %w", err)
		}
		return nil
	}
}
