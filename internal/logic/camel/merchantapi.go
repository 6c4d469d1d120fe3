package camel

import (
	"context"
	"encoding/json"
	"net/http"
	"net/netip"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/keyring"
	"kami/internal/infra/peer"
	"kami/internal/infra/redisx"
	"kami/internal/logic/openapi/signed"
	"kami/internal/model/entity"
	"kami/utility/dbx"
	"kami/utility/ratelimit"
)

// caller is the merchant a signed request of the merchant API came from.
type caller struct{ merchant *entity.CamelOilMerchant }

type callerKey struct{}

func merchantFrom(ctx context.Context) *entity.CamelOilMerchant {
	c, _ := ctx.Value(callerKey{}).(*caller)
	if c == nil {
		return nil
	}
	return c.merchant
}

// MerchantMiddleware runs every route of /merchant/v1/camel-oil (camel-oil.md §4): the
// OpenAPI's signed-request check (internal/logic/openapi/signed) with the merchants as its key
// space, the merchant's status and IP allow-list, its GCRA rate limit and the nonce, then the
// handler, and the answer in the OpenAPI's envelope. No admin middleware runs here.
func (s *sCamel) MerchantMiddleware(r *ghttp.Request) {
	c := &caller{}
	r.SetCtx(context.WithValue(r.Context(), callerKey{}, c))
	m, err := s.authenticateMerchant(r)
	if err != nil {
		s.answerMerchant(r, nil, err)
		return
	}
	c.merchant = m
	r.Middleware.Next()
	s.answerMerchant(r, r.GetHandlerResponse(), r.GetError())
}

// authenticateMerchant is the contract's order: the appKey, the signature (headers, window,
// body cap, one of two live secrets), the merchant's status and allow-list, then — in one
// Redis round trip — its rate limit and the nonce, so a refused call spends no nonce.
func (s *sCamel) authenticateMerchant(r *ghttp.Request) (*entity.CamelOilMerchant, error) {
	ctx := r.Context()
	appKey := r.Header.Get(signed.HeaderAppKey)
	if appKey == "" || len(appKey) > 64 {
		return nil, errs.AppKeyInvalid.New()
	}
	var m *entity.CamelOilMerchant
	cols := dao.CamelOilMerchant.Columns()
	if err := dao.CamelOilMerchant.Ctx(ctx).Where(cols.AppKey, appKey).Scan(&m); err != nil && !dbx.IsNoRows(err) {
		return nil, errs.Unavailable.Wrap(err)
	}
	if m == nil {
		return nil, errs.AppKeyInvalid.New()
	}
	now := s.now().Time
	sec, err := merchantSecrets(m)
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	if err = signed.Check(r, now, appKey, sec); err != nil {
		return nil, err
	}
	if m.Status != "active" {
		return nil, errs.CamelMerchantDisabled.New()
	}
	if !ipAllowed(m.IpAllowList, peer.IP(r.Request)) {
		return nil, errs.CamelIPNotAllowed.New()
	}
	// rateLimit is requests per second with one second's worth as the burst (§4).
	iv, err := ratelimit.PerSecond(max(1, m.RateLimit)).Interval()
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	tag := "{cm" + strconv.FormatInt(m.Id, 10) + "}"
	keys := []string{redisx.Key("cm", tag, "ip"), redisx.Key("cm", tag, "app"),
		redisx.Key("cm", tag, "n", r.Header.Get(signed.HeaderNonce))}
	_, err = signed.Admit(ctx, signed.Direct(g.Redis()), keys, signed.Limit{},
		signed.Limit{Interval: iv, Burst: max(1, m.RateLimit)})
	return m, err
}

// merchantSecrets opens the merchant's appSecret and, while its rotation grace lasts, the
// previous one.
func merchantSecrets(m *entity.CamelOilMerchant) (signed.Secrets, error) {
	cur, err := keyring.Open(purposeMerchantSecret, m.AppSecret)
	if err != nil {
		return signed.Secrets{}, err
	}
	sec := signed.Secrets{Current: cur}
	if m.PrevAppSecret != "" && m.PrevSecretUntil != nil {
		if sec.Prev, err = keyring.Open(purposeMerchantSecret, m.PrevAppSecret); err != nil {
			return signed.Secrets{}, err
		}
		sec.PrevUntil = m.PrevSecretUntil.Unix()
	}
	return sec, nil
}

// ipAllowed: an empty list allows any address; otherwise the caller must match an entry.
func ipAllowed(list, ip string) bool {
	var entries []string
	_ = json.Unmarshal([]byte(list), &entries)
	if len(entries) == 0 {
		return true
	}
	addr, err := netip.ParseAddr(ip)
	if err != nil {
		return false
	}
	addr = addr.Unmap()
	for _, e := range entries {
		if p, err := netip.ParsePrefix(e); err == nil && p.Contains(addr) {
			return true
		}
		if a, err := netip.ParseAddr(e); err == nil && a.Unmap() == addr {
			return true
		}
	}
	return false
}

// answerMerchant writes the OpenAPI's envelope (no Ed25519 signature in v1, §4). NO_CAPACITY
// carries Retry-After like RATE_LIMITED.
func (s *sCamel) answerMerchant(r *ghttp.Request, data any, err error) {
	status, env := http.StatusOK, signed.Envelope{Message: "ok", Data: data}
	if err != nil {
		status, env = signed.Describe(r.Context(), r, err, errs.CamelNoCapacity)
	}
	body, merr := json.Marshal(env)
	if merr != nil {
		g.Log().Error(r.Context(), merr)
		status, env = http.StatusServiceUnavailable, signed.Failure(r.Context(), errs.Unavailable)
		body, _ = json.Marshal(env)
	}
	hdr := r.Response.Header()
	hdr.Set("Content-Type", "application/json; charset=utf-8")
	hdr.Set("Cache-Control", "no-store")
	r.Response.ClearBuffer()
	r.Response.WriteHeader(status)
	r.Response.Write(body)
}

// lockWait bounds how long a submit waits for its merchantOrderNo lock (§2: ≤ 5 s).
const lockWait = 5 * time.Second
