package kami

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// envelope is every OpenAPI answer: code 0 = carried out; otherwise error is the machine code.
type envelope struct {
	Code    int             `json:"code"`
	Message string          `json:"message"`
	Error   string          `json:"error"` // null on success
	Data    json.RawMessage `json:"data"`
}

func parseEnvelope(data []byte) (*envelope, error) {
	var env envelope
	if err := json.Unmarshal(data, &env); err != nil {
		return nil, err
	}
	return &env, nil
}

// checkNonceEcho compares the nonce the signed data carries, if any, with the request's.
func checkNonceEcho(data json.RawMessage, nonce string) error {
	if d := bytes.TrimSpace(data); len(d) == 0 || d[0] != '{' {
		return nil
	}
	var echo struct {
		Nonce *string `json:"nonce"`
	}
	if err := json.Unmarshal(data, &echo); err != nil {
		return fmt.Errorf("kami: decoding the data: %w", err)
	}
	if echo.Nonce != nil && *echo.Nonce != nonce {
		return fmt.Errorf("%w: sent %q, got %q", ErrNonceMismatch, nonce, *echo.Nonce)
	}
	return nil
}

func (c *Client) apiError(resp *http.Response, env *envelope) *APIError {
	return &APIError{
		HTTPStatus: resp.StatusCode,
		Code:       env.Code,
		Err:        env.Error,
		Message:    env.Message,
		RetryAfter: c.retryAfter(resp),
	}
}

// retryAfter reads Retry-After as seconds or as an HTTP date (RFC 9110), 0 when absent.
func (c *Client) retryAfter(resp *http.Response) time.Duration {
	v := resp.Header.Get("Retry-After")
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(c.now()); d > 0 {
			return d.Round(time.Second)
		}
	}
	return 0
}

// notEnvelope is the error for an answer that is not an envelope: an *APIError when the HTTP
// status says the call failed (say, a proxy's error page), else a decoding error.
func (c *Client) notEnvelope(resp *http.Response, err error) error {
	if resp.StatusCode >= 300 {
		return &APIError{HTTPStatus: resp.StatusCode, Message: http.StatusText(resp.StatusCode), RetryAfter: c.retryAfter(resp)}
	}
	return fmt.Errorf("kami: decoding the answer: %w", err)
}

// decodeData decodes an envelope's data into out; null or absent data leaves out as it is.
func decodeData(data json.RawMessage, out any) error {
	if out == nil || len(data) == 0 || string(data) == "null" {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("kami: decoding the data: %w", err)
	}
	return nil
}
