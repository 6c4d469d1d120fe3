// Package webhook posts signed event bodies to subscribers' URLs over HTTP(S). It knows nothing
// of events or signatures: the outbox builds the request, this package only carries it, with
// the guards a server posting to URLs chosen by its users needs.
package webhook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// Options configure a Client.
type Options struct {
	// AllowPrivate, when it returns true, lets requests reach loopback, private, link-local and
	// carrier-grade NAT addresses. Off, a subscriber URL cannot be used to make the server call
	// its own network (cloud metadata, admin ports). It is asked at every connection, so a live
	// setting takes effect at once.
	AllowPrivate func() bool
	// MaxBody is how much of an answer's body is read and returned; the rest is discarded.
	MaxBody int
}

// Client posts bodies. Its zero value is not usable; call New.
type Client struct {
	http    *http.Client
	private *http.Client // for requests whose context carries AllowPrivateIn; its own connection pool
	maxBody int
}

type privateKey struct{}

// AllowPrivateIn marks ctx's requests as allowed to reach private addresses whatever
// Options.AllowPrivate says: the caller vouches for the URL (a topic whose targets only the
// super-admin sets). Those requests use a separate connection pool, so an unmarked request can
// never reuse a connection to a private address opened by a marked one.
func AllowPrivateIn(ctx context.Context) context.Context {
	return context.WithValue(ctx, privateKey{}, true)
}

// ErrPrivateAddress is the cause of a refused connection to a private address.
var ErrPrivateAddress = errors.New("the address is private or local and private targets are not allowed")

// New returns a Client. Redirects are not followed (a 3xx is the answer, and not a success):
// following one would post the signed body somewhere the subscriber never configured.
// Proxies from the environment are not used either, so the address guard sees the real peer.
func New(o Options) *Client {
	if o.MaxBody <= 0 {
		o.MaxBody = 64 << 10
	}
	allow := o.AllowPrivate
	if allow == nil {
		allow = func() bool { return false }
	}
	return &Client{http: newHTTP(allow), private: newHTTP(func() bool { return true }), maxBody: o.MaxBody}
}

// newHTTP is a client whose dials to private addresses are refused unless allow says yes.
func newHTTP(allow func() bool) *http.Client {
	dialer := &net.Dialer{
		Timeout: 10 * time.Second,
		// Control sees the address actually dialled, after DNS, so a name that resolves to a
		// private address (or is rebound to one) is refused too.
		Control: func(_, address string, _ syscall.RawConn) error {
			if allow() {
				return nil
			}
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("%w: %s", ErrPrivateAddress, address)
			}
			if private(ap.Addr()) {
				return fmt.Errorf("%w: %s", ErrPrivateAddress, ap.Addr())
			}
			return nil
		},
	}
	transport := &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	return &http.Client{
		Transport:     transport,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// Post sends body to url with header and returns the answer's status and the start of its
// body. The deadline is ctx's: the caller sets the per-attempt timeout there. An error means
// no answer came (refused, timed out, bad URL); an answer of any status is not an error.
func (c *Client) Post(ctx context.Context, url string, header http.Header, body []byte) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return 0, nil, fmt.Errorf("unsupported URL scheme %q", req.URL.Scheme)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	hc := c.http
	if ok, _ := ctx.Value(privateKey{}).(bool); ok {
		hc = c.private
	}
	res, err := hc.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	got, err := io.ReadAll(io.LimitReader(res.Body, int64(c.maxBody)))
	if err != nil && ctx.Err() != nil {
		// The status came in time but the body did not: the answer did not finish within the
		// deadline, which is not a success.
		return res.StatusCode, got, err
	}
	return res.StatusCode, got, nil
}

// prefixes are the ranges netip has no predicate for: "this network" and carrier-grade NAT
// (some clouds serve their metadata endpoint there).
var prefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
}

func private(a netip.Addr) bool {
	a = a.Unmap()
	if a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsInterfaceLocalMulticast() || a.IsMulticast() || a.IsUnspecified() {
		return true
	}
	for _, p := range prefixes {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
