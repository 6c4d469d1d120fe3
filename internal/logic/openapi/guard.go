package openapi

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/errs"
	"kami/internal/infra/db"
	"kami/internal/infra/peer"
	"kami/internal/model"
	"kami/internal/service"
)

// Contract limits (openapi.md "Request signing").
const (
	maxBody   = 64 << 10
	maxSkew   = 300 // seconds
	nonceLife = 600 * time.Second
)

const (
	headerAppKey    = "X-Kami-App-Key"
	headerTimestamp = "X-Kami-Timestamp"
	headerNonce     = "X-Kami-Nonce"
	headerSignature = "X-Kami-Signature"
)

// call is what one OpenAPI request carries from the check to the answer.
type call struct {
	project  *projectState
	nonce    string
	ip       string
	endpoint string
}

type callKey struct{}

func callFrom(ctx context.Context) *call {
	c, _ := ctx.Value(callKey{}).(*call)
	return c
}

// projectState is a project's snapshot with its secrets opened on this node.
type projectState struct {
	model.ProjectSnapshot
	opened *model.OpenedProject
}

func init() {
	projects.Prepare = func(p *projectState) error {
		o, err := service.Project().OpenSnapshot(&p.ProjectSnapshot)
		p.opened = o
		return err
	}
}

// projectOf is the project of appKey, or nil when no project has it.
func projectOf(ctx context.Context, appKey string) (*projectState, error) {
	return projects.Get(ctx, appKey, func(ctx context.Context) (*projectState, error) {
		snap, err := service.Project().Snapshot(ctx, appKey)
		if errs.Is(err, errs.NotFound) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		return &projectState{ProjectSnapshot: *snap}, nil
	})
}

// RequestStatements counts the database statements the OpenAPI's requests send themselves
// (not the batched flush or other nodes' pollers): the bench's proof that repeat
// verifications read nothing.
var RequestStatements db.Meter

// Middleware runs every OpenAPI route: the signed-request check (skipped by auth:"public"
// routes: the public keys), the handler, then the signed answer. It replaces the admin API's
// envelope, session auth and operation log, none of which run under /openapi/v1.
func (s *sOpenapi) Middleware(r *ghttp.Request) {
	c := &call{ip: peer.IP(r.Request), endpoint: endpointOf(r.URL.Path)}
	r.SetCtx(db.WithMeter(context.WithValue(r.Context(), callKey{}, c), &RequestStatements))
	if metaTag(r, "auth") != "public" {
		if err := s.authenticate(r, c); err != nil {
			s.answer(r, c, nil, err)
			return
		}
	}
	r.Middleware.Next()
	s.answer(r, c, r.GetHandlerResponse(), r.GetError())
}

func metaTag(r *ghttp.Request, name string) string {
	if h := r.GetServeHandler(); h != nil && h.Handler != nil {
		return h.Handler.GetMetaTag(name)
	}
	return ""
}

// endpointOf names a route for the call log: the last path element (verify, query, keys...).
func endpointOf(path string) string {
	if i := strings.LastIndexByte(path, '/'); i >= 0 && len(path)-i-1 <= 16 {
		return path[i+1:]
	}
	return "other"
}

// authenticate checks a signed request in the contract's order: the appKey, a ban of the
// caller's IP, the headers, the timestamp window, the body cap, the signature, then — in one
// Redis round trip — the caller IP's and the project's rate limits and the nonce. Bad
// signatures and limit hits count towards a ban of the IP.
func (s *sOpenapi) authenticate(r *ghttp.Request, c *call) error {
	ctx, h := r.Context(), r.Header
	c.nonce = h.Get(headerNonce)
	appKey := h.Get(headerAppKey)
	if appKey != "" && len(appKey) <= 64 {
		p, err := projectOf(ctx, appKey)
		if err != nil {
			return errs.Unavailable.Wrap(err)
		}
		c.project = p
	}
	now := s.now()
	if left := s.bans.left(c.ip, now); left > 0 {
		return errs.RateLimited.New(left)
	}
	if c.project == nil {
		s.strike(ctx, c.ip)
		return errs.AppKeyInvalid.New()
	}
	ts, err := strconv.ParseInt(h.Get(headerTimestamp), 10, 64)
	sig := h.Get(headerSignature)
	if err != nil || !validNonce(c.nonce) || len(sig) != sha256.Size*2 {
		s.strike(ctx, c.ip)
		return errs.SignatureInvalid.New()
	}
	if d := now.Unix() - ts; d > maxSkew || d < -maxSkew {
		return errs.TimestampOutOfWindow.New()
	}
	body, err := readBody(r)
	if err != nil {
		return err
	}
	canonical := canonicalRequest(r.Method, r.URL.Path, r.URL.Query(), appKey, ts, c.nonce, body)
	if !s.signedBy(c.project, canonical, sig, now) {
		s.strike(ctx, c.ip)
		return errs.SignatureInvalid.New()
	}
	return s.admit(ctx, c)
}

// signedBy reports whether sig is the signature of canonical under the project's secret, or
// under the previous one while its rotation grace lasts. Both are always computed and compared
// in constant time, so the answer's timing tells nothing about which (or how much) matched.
func (s *sOpenapi) signedBy(p *projectState, canonical, sig string, now time.Time) bool {
	got := []byte(sig)
	ok := hmac.Equal(got, []byte(signRequest(p.opened.AppSecret, canonical)))
	if p.opened.PrevAppSecret != nil && p.PrevSecretUntil > now.Unix() {
		ok = hmac.Equal(got, []byte(signRequest(p.opened.PrevAppSecret, canonical))) || ok
	}
	return ok
}

// readBody reads the body under the contract's 64 KiB cap and leaves it for gf's parsing.
func readBody(r *ghttp.Request) ([]byte, error) {
	if r.ContentLength > maxBody {
		// Nothing reads the refused body; http.NoBody, not nil, because gf closes r.Body when the
		// request is done (a nil one panicked there after every 413).
		r.Body = http.NoBody
		return nil, errs.TooLarge.New()
	}
	if r.Body == nil {
		return nil, nil
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		return nil, errs.OpenAPIBadRequest.New("body")
	}
	if len(b) > maxBody {
		return nil, errs.TooLarge.New()
	}
	r.Body = io.NopCloser(bytes.NewReader(b))
	r.GetBody() // gf caches the bytes and parses them from here on
	return b, nil
}
