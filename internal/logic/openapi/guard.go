package openapi

import (
	"context"
	"strings"

	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/errs"
	"kami/internal/infra/db"
	"kami/internal/infra/peer"
	"kami/internal/logic/openapi/signed"
	"kami/internal/model"
	"kami/internal/service"
)

// Contract limits and headers (openapi.md "Request signing"), shared with the merchant API.
const (
	maxBody   = signed.MaxBody
	nonceLife = signed.NonceLife

	headerAppKey    = signed.HeaderAppKey
	headerTimestamp = signed.HeaderTimestamp
	headerNonce     = signed.HeaderNonce
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
	err := signed.Check(r, now, appKey, signed.Secrets{Current: c.project.opened.AppSecret,
		Prev: c.project.opened.PrevAppSecret, PrevUntil: c.project.PrevSecretUntil})
	if errs.Is(err, errs.SignatureInvalid) {
		s.strike(ctx, c.ip)
	}
	if err != nil {
		return err
	}
	return s.admit(ctx, c)
}
