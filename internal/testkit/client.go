package testkit

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"testing"
	"time"

	"kami/internal/errs"
)

// Client is one browser-like caller: it keeps cookies (the refresh cookie) and a bearer token.
type Client struct {
	Base   string
	Token  string
	Lang   string
	Header http.Header
	HTTP   *http.Client
}

// Resp is a decoded admin API answer.
type Resp struct {
	Status  int
	Code    int             `json:"code"`
	Data    json.RawMessage `json:"data"`
	Error   any             `json:"error"`
	Message string          `json:"message"`
	Reason  string          `json:"reason"`
	Raw     []byte
	Header  http.Header
}

// Client returns a new caller of this server with no session.
func (e *Env) Client() *Client { return NewClient(e.BaseURL) }

func NewClient(base string) *Client {
	jar, _ := cookiejar.New(nil)
	h := http.Header{}
	b := make([]byte, 3)
	_, _ = rand.Read(b)
	h.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", b[0], b[1], b[2]))
	// The timeout only guards against a hung server: a request that legitimately takes long on
	// a loaded machine under -race (a 2,345-card batch) must not fail for it.
	return &Client{Base: base, Header: h, HTTP: &http.Client{Jar: jar, Timeout: 120 * time.Second}}
}

// Do sends a request with a JSON body (nil for none) and decodes the envelope when there is one.
func (c *Client) Do(t testing.TB, method, path string, body any) *Resp {
	t.Helper()
	r, err := c.DoErr(method, path, body)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	if problem := r.envelopeProblem(); problem != "" {
		t.Errorf("%s %s: %s: %s", method, path, problem, r.Raw)
	}
	return r
}

// DoErr is Do for goroutines, where t.Fatal must not be called.
func (c *Client) DoErr(method, path string, body any) (*Resp, error) {
	var rd io.Reader
	if body != nil {
		if s, ok := body.(string); ok {
			rd = bytes.NewBufferString(s)
		} else {
			b, err := json.Marshal(body)
			if err != nil {
				return nil, err
			}
			rd = bytes.NewReader(b)
		}
	}
	req, err := http.NewRequest(method, c.Base+path, rd)
	if err != nil {
		return nil, err
	}
	for k, v := range c.Header {
		req.Header[k] = v
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	if c.Lang != "" {
		req.Header.Set("Accept-Language", c.Lang)
	}
	res, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	out := &Resp{Status: res.StatusCode, Header: res.Header}
	if out.Raw, err = io.ReadAll(res.Body); err != nil {
		return nil, err
	}
	if len(out.Raw) > 0 && out.Raw[0] == '{' {
		_ = json.Unmarshal(out.Raw, out)
	}
	return out, nil
}

func (c *Client) Get(t testing.TB, path string) *Resp { return c.Do(t, http.MethodGet, path, nil) }
func (c *Client) Post(t testing.TB, path string, body any) *Resp {
	return c.Do(t, http.MethodPost, path, body)
}
func (c *Client) Put(t testing.TB, path string, body any) *Resp {
	return c.Do(t, http.MethodPut, path, body)
}
func (c *Client) Delete(t testing.TB, path string) *Resp {
	return c.Do(t, http.MethodDelete, path, nil)
}

// Decode unmarshals data into v, failing the test on error.
func (r *Resp) Decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Data, v); err != nil {
		t.Fatalf("decode %s: %v", r.Raw, err)
	}
}

// Expect fails the test unless the HTTP status is want; it prints the body to explain.
func (r *Resp) Expect(t testing.TB, want int) *Resp {
	t.Helper()
	if r.Status != want {
		t.Fatalf("HTTP %d, want %d: %s", r.Status, want, r.Raw)
	}
	return r
}

// ErrorCode is the machine code of a failure ("" on success).
func (r *Resp) ErrorCode() string { return r.Reason }

// ErrorText is the readable detail of a failure, what the stock Vben client shows.
func (r *Resp) ErrorText() string {
	s, _ := r.Error.(string)
	return s
}

// envelopeProblem checks every failure envelope of every test against admin-api.md: a reason
// from the registry, and an error a person can read (not the machine code).
func (r *Resp) envelopeProblem() string {
	if r.Status < 400 || len(r.Raw) == 0 || r.Raw[0] != '{' || !bytes.Contains(r.Raw, []byte(`"code"`)) {
		return ""
	}
	switch text := r.ErrorText(); {
	case !errs.Known(r.Reason):
		return "failure without a registered reason"
	case text == "" || text == r.Reason || r.Message == "":
		return "failure without a readable error and message"
	}
	return ""
}

// Login logs in and keeps the token; it fails the test unless the login succeeds.
func (c *Client) Login(t testing.TB, username, password string) *Client {
	t.Helper()
	r := c.Post(t, "/api/auth/login", map[string]string{"username": username, "password": password})
	if r.Status != http.StatusOK {
		t.Fatalf("login %s: HTTP %d %s", username, r.Status, r.Raw)
	}
	var data struct {
		AccessToken string `json:"accessToken"`
	}
	r.Decode(t, &data)
	c.Token = data.AccessToken
	return c
}

// Admin returns a client logged in as the super-admin.
func (e *Env) Admin(t testing.TB) *Client {
	return e.Client().Login(t, "admin", AdminPassword)
}

// UniqueName returns a username no other test uses.
func UniqueName(prefix string) string { return fmt.Sprintf("%s%s", prefix, randHex(4)) }
