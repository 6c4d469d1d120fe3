package relay

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/netip"
	"strings"

	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/adapter/openaicompat"
	"kami/internal/errs"
	"kami/internal/infra/db"
	"kami/internal/infra/peer"
)

// Statements counts the statements /v1 requests send themselves (the ledger's among them), apart
// from the background flushers' and jobs', so a test proves the hot path reads no relay_* or
// users row (relay.md §5).
var Statements db.Meter

type kind int

const (
	kindChat kind = iota
	kindEmbeddings
)

// ChatCompletions serves POST /v1/chat/completions.
func (s *sRelay) ChatCompletions(r *ghttp.Request) { s.serve(r, kindChat) }

// Embeddings serves POST /v1/embeddings.
func (s *sRelay) Embeddings(r *ghttp.Request) { s.serve(r, kindEmbeddings) }

// UnknownURL answers every other /v1 path.
func (s *sRelay) UnknownURL(r *ghttp.Request) {
	rid := s.begin(r)
	newAPIError(http.StatusNotFound, "unknown_url", "Unknown request URL: "+r.Method+" "+r.URL.Path).withArg(r.Method+" "+r.URL.Path).write(r, rid)
}

// begin gives the request its id (crypto/rand, never the client's) and the header.
func (s *sRelay) begin(r *ghttp.Request) string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	rid := hex.EncodeToString(b[:])
	r.Response.Header().Set("X-Request-Id", rid)
	return rid
}

// authenticate runs admission's token steps (relay.md §2, in order).
func (s *sRelay) authenticate(r *ghttp.Request) (*token, *apiError) {
	ctx := r.Context()
	h := r.Header.Get("Authorization")
	key, ok := strings.CutPrefix(h, "Bearer ")
	if !ok || !validKeyShape(strings.TrimSpace(key)) {
		return nil, newAPIError(http.StatusUnauthorized, "invalid_api_key", "Incorrect API key provided.")
	}
	tk, err := s.lookupToken(ctx, HashTokenKey(strings.TrimSpace(key)))
	if err != nil {
		return nil, newAPIError(http.StatusServiceUnavailable, "service_unavailable", "The service is temporarily unavailable.")
	}
	switch {
	case tk == nil:
		return nil, newAPIError(http.StatusUnauthorized, "invalid_api_key", "Incorrect API key provided.")
	case tk.Status != 1:
		return nil, newAPIError(http.StatusUnauthorized, "token_disabled", "This API key is disabled.")
	case !tk.ExpiresAt.IsZero() && !s.now().Before(tk.ExpiresAt):
		return nil, newAPIError(http.StatusUnauthorized, "token_expired", "This API key has expired.")
	case !tk.UserEnabled:
		return nil, newAPIError(http.StatusForbidden, "user_disabled", "The account of this API key is disabled.")
	case len(tk.AllowedIPs) > 0 && !ipAllowed(peer.IP(r.Request), tk.AllowedIPs):
		return nil, newAPIError(http.StatusForbidden, "ip_not_allowed", "Requests from this IP address are not allowed for this API key.")
	}
	return tk, nil
}

// ipAllowed matches the client's address (by the KAMI_TRUSTED_PROXIES rules: a forwarded
// header counts only from a trusted proxy) against the token's IPs and CIDRs. An address that
// does not parse matches nothing.
func ipAllowed(ip string, allowed []string) bool {
	addr, err := netip.ParseAddr(ip)
	if err != nil {
		return false
	}
	addr = addr.Unmap() // ::ffff:10.0.0.1 is 10.0.0.1
	for _, a := range allowed {
		if strings.Contains(a, "/") {
			if p, err := netip.ParsePrefix(a); err == nil && p.Contains(addr) {
				return true
			}
		} else if b, err := netip.ParseAddr(a); err == nil && b.Unmap() == addr {
			return true
		}
	}
	return false
}

// parsed is what the relay reads of a request body; everything else is forwarded untouched.
type parsed struct {
	kind   kind
	fields map[string]json.RawMessage
	model  string
	stream bool
	// includeUsage is the client's stream_options.include_usage: upstream always gets true
	// (the relay bills on it), the client sees the usage chunk only if it asked.
	includeUsage bool
	est          int64
	maxOut       int64
}

// parseBody reads what the relay needs of a body; reserve is relay.defaultCompletionReserve.
func parseBody(body []byte, k kind, reserve int64) (*parsed, *apiError) {
	p := &parsed{kind: k}
	if err := json.Unmarshal(body, &p.fields); err != nil || p.fields == nil {
		return nil, newAPIError(http.StatusBadRequest, "invalid_json", "The request body is not valid JSON.")
	}
	if json.Unmarshal(p.fields["model"], &p.model) != nil || p.model == "" {
		return nil, newAPIError(http.StatusBadRequest, "missing_required_parameter", "you must provide a model parameter").withArg("model").withParam("model")
	}
	field := "messages"
	if k == kindEmbeddings {
		field = "input"
	}
	raw := strings.TrimSpace(string(p.fields[field]))
	if raw == "" || raw == "null" || raw == "[]" || raw == `""` {
		return nil, newAPIError(http.StatusBadRequest, "missing_required_parameter", "Missing required parameter: '"+field+"'.").withArg(field).withParam(field)
	}
	_ = json.Unmarshal(p.fields["stream"], &p.stream)
	var so struct {
		IncludeUsage bool `json:"include_usage"`
	}
	_ = json.Unmarshal(p.fields["stream_options"], &so)
	p.includeUsage = so.IncludeUsage
	p.est = EstimatePromptTokens(len(raw) + len(p.fields["tools"]))
	if k == kindChat {
		var maxC, maxT *int64
		var n int64 = 1
		_ = json.Unmarshal(p.fields["max_completion_tokens"], &maxC)
		_ = json.Unmarshal(p.fields["max_tokens"], &maxT)
		_ = json.Unmarshal(p.fields["n"], &n)
		p.maxOut = MaxOutput(maxC, maxT, reserve, n)
	}
	return p, nil
}

// serve is the pipeline of one non-stream call: admission, reservation, attempts, answer,
// settlement.
func (s *sRelay) serve(r *ghttp.Request, k kind) {
	mt := beginRequest()
	defer mt.done(r)
	rid := s.begin(r)
	r.SetCtx(db.WithMeter(r.Context(), &Statements))
	ctx := r.Context()
	tk, aerr := s.authenticate(r)
	if aerr != nil {
		aerr.write(r, rid)
		return
	}
	if aerr = rpmAllow(ctx, tk); aerr != nil {
		aerr.write(r, rid)
		return
	}
	body, aerr := s.readBody(r)
	if aerr != nil {
		aerr.write(r, rid)
		return
	}
	kn := s.knobs()
	p, aerr := parseBody(body, k, kn.completionReserve)
	if aerr != nil {
		aerr.write(r, rid)
		return
	}
	if len(tk.AllowedModels) > 0 && !tk.AllowedModels[p.model] {
		newAPIError(http.StatusForbidden, "model_not_allowed", "This API key may not use the model "+p.model+".").withArg(p.model).write(r, rid)
		return
	}
	sn, err := s.current(ctx)
	if err != nil {
		newAPIError(http.StatusServiceUnavailable, "service_unavailable", "The service is temporarily unavailable.").write(r, rid)
		return
	}
	price, priced := sn.prices[p.model]
	gr, groupKnown := sn.groups[tk.Group]
	if !priced || !groupKnown || !sn.served[tk.Group][p.model] {
		newAPIError(http.StatusNotFound, "model_not_found", "The model "+p.model+" does not exist or you do not have access to it.").withArg(p.model).write(r, rid)
		return
	}
	mt.model = p.model // priced: a bounded label
	tiers := sn.route[tk.Group][p.model]
	if len(tiers) == 0 {
		newAPIError(http.StatusServiceUnavailable, "no_available_channel", "No available channel for the model "+p.model+".").withArg(p.model).write(r, rid)
		return
	}
	q := &request{rid: rid, tk: tk, price: price, groupRatio: gr, started: s.now(), stream: p.stream, est: p.est, kn: kn}
	q.pre = PreQuota(price, gr, p.est, p.maxOut)
	if ok, err := hold(ctx, tk, q.pre); err != nil {
		newAPIError(http.StatusServiceUnavailable, "service_unavailable", "The service is temporarily unavailable.").write(r, rid)
		return
	} else if !ok {
		newAPIError(http.StatusForbidden, "token_quota_exhausted", "The quota of this API key is exhausted.").write(r, rid)
		return
	}
	if err := s.open(ctx, q, peer.IP(r.Request)); err != nil {
		_ = unhold(context.WithoutCancel(ctx), tk.ID, q.pre, 0)
		if errs.Is(err, errs.QuotaInsufficient) {
			newAPIError(http.StatusForbidden, "insufficient_user_quota", "The account's quota is insufficient.").write(r, rid)
		} else {
			newAPIError(http.StatusServiceUnavailable, "service_unavailable", "The service is temporarily unavailable.").write(r, rid)
		}
		return
	}
	defer s.releaseOnFault(ctx, q)
	s.attempt(r, q, p, tiers, k)
}

// releaseOnFault settles a request whose handler panicked after its reservation opened: nothing
// is charged and nothing stays frozen until the sweeper's orphan pass; the panic goes on to
// Edge, which answers 500 internal_error.
func (s *sRelay) releaseOnFault(ctx context.Context, q *request) {
	if v := recover(); v != nil {
		_ = s.settle(ctx, q, outcome{status: "upstream_error", httpStatus: http.StatusInternalServerError,
			errorCode: "internal_error", errorMessage: "relay fault"})
		panic(v)
	}
}

// attempt tries channels until one answers (≤ 1 + retryTimes, none started after the attempt
// window), writes the answer and settles.
func (s *sRelay) attempt(r *ghttp.Request, q *request, p *parsed, tiers []tier, k kind) {
	ctx := r.Context()
	tried := map[int64]bool{}
	var last *openaicompat.Failure
	var lastCh *channel
	all429 := true
	o := outcome{}
	for o.attempts < 1+q.kn.retryTimes && s.now().Sub(q.started) < attemptWindow {
		c := pick(tiers, tried, s.cool, s.now())
		if c == nil {
			break
		}
		tried[c.ID] = true
		key := c.nextKey()
		o.attempts++
		o.channel, o.keyID = c, key.ID
		body, upstreamName := rewrite(p, c)
		o.upstreamName = upstreamName
		t := openaicompat.Target{BaseURL: c.BaseURL, Key: key.Secret, FirstByteLimit: channelLimit(c.FirstByteS, q.kn.firstByte)}
		var resp *openaicompat.Response
		var err error
		if p.stream && k == kindChat {
			var ls *liveStream
			var first []byte
			if ls, first, err = s.openStream(r, t, body); err == nil {
				o.ttfb = s.now().Sub(q.started)
				observeTTFB(r)
				s.healthy(c)
				s.finishStream(r, q, p, ls, first, o)
				return
			}
		} else if k == kindEmbeddings {
			resp, err = s.up().Embeddings(ctx, t, body)
		} else {
			resp, err = s.up().Chat(ctx, t, body)
		}
		if err == nil {
			o.ttfb = s.now().Sub(q.started)
			observeTTFB(r)
			s.healthy(c)
			s.deliver(r, q, p, resp, o)
			return
		}
		if ctx.Err() != nil { // the client went away before the answer
			o.status, o.httpStatus = "client_aborted", 499
			o.usage, o.usageSource = s.abandonedUsage(ctx, q, p, o.status)
			_ = s.settle(ctx, q, o)
			return
		}
		f := &openaicompat.Failure{Class: openaicompat.Transient, Err: err}
		_ = errors.As(err, &f)
		last, lastCh = f, c
		class := f.Class.String()
		if f.Timeout {
			class = "timeout"
		}
		upstreamError(c.ID, class)
		s.failed(ctx, c, key.ID, upstreamName, f, q.kn)
		if f.Status != http.StatusTooManyRequests {
			all429 = false
		}
		if !f.Retryable() {
			break
		}
	}
	aerr := finalError(last, lastCh, all429)
	o.status, o.httpStatus, o.errorCode = "upstream_error", aerr.Status, aerr.Code
	if last != nil && last.Timeout {
		o.status = "timeout"
	}
	o.errorMessage = aerr.Message
	_ = s.settle(ctx, q, o)
	aerr.write(r, q.rid)
}

// finalError is the client's answer when no attempt succeeded: a client fault passes through
// sanitized; otherwise 502, 504 after a timeout, 429 when every attempt was rate limited.
func finalError(f *openaicompat.Failure, c *channel, all429 bool) *apiError {
	if f == nil {
		return newAPIError(http.StatusBadGateway, "upstream_unavailable", "No upstream channel could serve the request.")
	}
	if f.Class == openaicompat.ClientFault {
		key := ""
		if len(c.Keys) > 0 {
			key = c.Keys[0].Secret
		}
		msg := sanitize(f.Message, key, c.BaseURL)
		for _, k := range c.Keys {
			msg = strings.ReplaceAll(msg, k.Secret, "sk-***")
		}
		e := &apiError{Status: f.Status, Type: f.Type, Code: f.Code, Param: f.Param, Message: msg}
		if e.Type == "" {
			e.Type = "invalid_request_error"
		}
		return e
	}
	switch {
	case all429 && f.Status == http.StatusTooManyRequests:
		e := newAPIError(http.StatusTooManyRequests, "upstream_rate_limited", "The upstream is rate limited; retry later.")
		e.RetryAfter = f.RetryAfter
		if e.RetryAfter == "" {
			e.RetryAfter = "1"
		}
		return e
	case f.Timeout:
		return newAPIError(http.StatusGatewayTimeout, "upstream_timeout", "The upstream did not answer in time.")
	}
	return newAPIError(http.StatusBadGateway, "upstream_unavailable", "No upstream channel could serve the request.")
}

// rewrite applies the two rewrites the relay makes: model -> the channel's mapping. Every other
// field goes upstream byte for byte.
func rewrite(p *parsed, c *channel) ([]byte, string) {
	name := p.model
	if m, ok := c.Mapping[p.model]; ok && m != "" {
		name = m
	}
	fields := make(map[string]json.RawMessage, len(p.fields))
	for k, v := range p.fields {
		fields[k] = v
	}
	fields["model"], _ = json.Marshal(name)
	if p.stream {
		so := map[string]json.RawMessage{}
		_ = json.Unmarshal(p.fields["stream_options"], &so)
		so["include_usage"] = json.RawMessage("true")
		fields["stream_options"], _ = json.Marshal(so)
	}
	body, _ := json.Marshal(fields)
	return body, name
}

// deliver writes a 2xx answer byte for byte and settles on its usage.
func (s *sRelay) deliver(r *ghttp.Request, q *request, p *parsed, resp *openaicompat.Response, o outcome) {
	r.Response.Header().Set("Content-Type", "application/json")
	r.Response.WriteHeader(resp.Status)
	r.Response.Write(resp.Body)
	r.Response.Flush()
	o.delivered, o.httpStatus, o.status = true, resp.Status, "success"
	if r.Context().Err() != nil {
		o.status = "client_aborted"
	}
	o.usage, o.usageSource = usageOf(r.Context(), resp.Body, p, q.price.Tokenizer)
	_ = s.settle(r.Context(), q, o)
}
