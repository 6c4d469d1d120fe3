package kami

import (
	"net/http"
	"strings"
	"time"
)

// Client calls one project's OpenAPI. It is safe for concurrent use; share one per project.
type Client struct {
	baseURL string
	appKey  string
	secret  []byte
	hc      *http.Client
	now     func() time.Time
	nonce   func() string
	maxSkew time.Duration
	keys    *keyring
	pinned  []PublicKey
}

// Option configures a Client (New).
type Option func(*Client)

// DefaultMaxSkew is how far a response timestamp may be from the client clock, the same
// window the server gives requests.
const DefaultMaxSkew = 300 * time.Second

// New makes a client. baseURL is the server's origin, e.g. "https://kami.example.com"; a
// path prefix there (a reverse proxy that strips it) is sent but not signed: the signed path is
// the one the server routes, /openapi/v1/.... appSecret is the secret's bytes as shown.
func New(baseURL, appKey string, appSecret []byte, opts ...Option) *Client {
	c := &Client{
		baseURL: strings.TrimRight(baseURL, "/"),
		appKey:  appKey,
		secret:  append([]byte(nil), appSecret...),
		hc:      http.DefaultClient,
		now:     time.Now,
		nonce:   randomNonce,
		maxSkew: DefaultMaxSkew,
	}
	for _, o := range opts {
		o(c)
	}
	if c.pinned != nil {
		c.keys = pinnedKeyring(c.pinned)
	} else {
		c.keys = fetchingKeyring(c.Keys)
	}
	return c
}

// WithHTTPClient sends the calls through hc (timeouts, proxies, TLS settings). The default is
// http.DefaultClient, which has no timeout: give every call a context deadline or a client.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) {
		if hc != nil {
			c.hc = hc
		}
	}
}

// WithClock sets the clock that timestamps requests and judges response timestamps.
func WithClock(now func() time.Time) Option {
	return func(c *Client) {
		if now != nil {
			c.now = now
		}
	}
}

// WithNonce sets the nonce source. Each value must pass ValidNonce and never repeat within
// 600 s; the default is 32 characters from crypto/rand.
func WithNonce(nonce func() string) Option {
	return func(c *Client) {
		if nonce != nil {
			c.nonce = nonce
		}
	}
}

// WithMaxSkew sets how far a response timestamp may be from the client clock (default
// DefaultMaxSkew).
func WithMaxSkew(d time.Duration) Option {
	return func(c *Client) {
		if d > 0 {
			c.maxSkew = d
		}
	}
}

// WithPublicKeys pins the response-signing keys: the client never fetches /openapi/v1/keys,
// so a server that can fake TLS still cannot sign. A key rotation then needs the new key
// pinned before the server starts signing with it. Keys that are not Ed25519 or do not decode
// are ignored.
func WithPublicKeys(keys []PublicKey) Option {
	return func(c *Client) {
		c.pinned = append([]PublicKey{}, keys...)
	}
}
