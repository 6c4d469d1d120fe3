package middleware

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/errs"
	"kami/internal/idemkey"
	"kami/internal/infra/redisx"
	"kami/internal/logic/settings"
	"kami/internal/principal"
	"kami/internal/service"
)

// Idempotency-Key (admin-api.md, conventions.md): a route that declares `idempotent:"true"` in
// its g.Meta accepts the key as a header or as the body field idempotencyKey. The scope is
// (caller, route): the same key with the same request answers what the first answered (status and
// body, marked Idempotent-Replayed) and changes nothing more; with another request it is 409
// IDEMPOTENCY_MISMATCH; while the first is still running a duplicate waits for it, then gives up
// with 409 IDEMPOTENCY_IN_PROGRESS. Answers are kept 24 h in Redis, so every node replays them.
// 5xx answers are not kept: the retry runs again.

const (
	idemHeader   = "Idempotency-Key"
	idemField    = "idempotencyKey"
	idemKeep     = 24 * time.Hour
	idemPollStep = 50 * time.Millisecond
	// idemPendingTTL bounds a claim whose node died mid-request, after which a retry runs again.
	idemPendingTTL = 2 * time.Minute
)

var idemKeyRule = regexp.MustCompile(`^[A-Za-z0-9_.:\-]{1,128}$`)

func init() {
	settings.Define(settings.Def{
		Key: "idempotency.waitTimeout", Group: "system", Type: settings.TypeDuration, Default: 10 * time.Second,
		Min: settings.Bound(int64(10 * time.Millisecond)), Max: settings.Bound(int64(time.Minute)),
	})
}

// idemRecord is what Redis keeps per key: pending while the first request runs, then its answer.
type idemRecord struct {
	Hash   string          `json:"h"`
	Done   bool            `json:"d"`
	Status int             `json:"s,omitempty"`
	Body   json.RawMessage `json:"b,omitempty"`
}

// Idempotency runs after Auth and Strict, right around the handler.
func (s *sMiddleware) Idempotency(r *ghttp.Request) {
	if routeTag(r, TagIdem) != "true" {
		r.Middleware.Next()
		return
	}
	key := r.Header.Get(idemHeader)
	if key == "" {
		var body struct {
			Key string `json:"idempotencyKey"`
		}
		if b := r.GetBody(); len(b) > 0 {
			_ = json.Unmarshal(b, &body)
		}
		key = body.Key
	}
	if key == "" {
		r.Middleware.Next()
		return
	}
	if !idemKeyRule.MatchString(key) {
		Abort(r, errs.InvalidInput.Msg(idemHeader+": 1-128 characters of A-Z a-z 0-9 _ . : -"))
		return
	}
	ctx := r.Context()
	var caller int64
	if p := principal.From(ctx); p != nil {
		caller = p.UserID
	}
	sum := sha256.Sum256([]byte(key))
	rkey := redisx.Key("idem", strconv.FormatInt(caller, 10), r.Router.Method+" "+r.Router.Uri, hex.EncodeToString(sum[:]))
	hash := requestHash(r)

	deadline := time.Now().Add(service.Settings().Duration("idempotency.waitTimeout"))
	for {
		claimed, rec, err := claimIdem(ctx, rkey, hash)
		if err != nil {
			Abort(r, errs.Unavailable.Wrap(err))
			return
		}
		switch {
		case claimed:
			r.SetCtx(idemkey.With(ctx, "http:"+strconv.FormatInt(caller, 10)+":"+r.Router.Method+" "+r.Router.Uri+":"+hex.EncodeToString(sum[:])))
			r.Middleware.Next()
			s.finishIdem(r, rkey, hash)
			return
		case rec.Hash != hash:
			Abort(r, errs.IdempotencyMismatch.New())
			return
		case rec.Done:
			r.Response.Header().Set("Idempotent-Replayed", "true")
			r.Response.Header().Set("Content-Type", "application/json")
			r.Response.WriteHeader(rec.Status)
			r.Response.Write(rec.Body)
			return
		}
		if time.Now().After(deadline) {
			Abort(r, errs.IdempotencyInProgress.New())
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(idemPollStep):
		}
	}
}

// requestHash identifies "the same request": method, path, query and body.
func requestHash(r *ghttp.Request) string {
	h := sha256.New()
	h.Write([]byte(r.Method + " " + r.URL.RequestURI() + "\n"))
	h.Write(r.GetBody())
	return hex.EncodeToString(h.Sum(nil))
}

// claimIdem makes this request the first for the key, or returns the record of the first.
func claimIdem(ctx context.Context, rkey, hash string) (bool, *idemRecord, error) {
	pending, _ := json.Marshal(idemRecord{Hash: hash})
	v, err := g.Redis().Do(ctx, "SET", rkey, string(pending), "NX", "PX", idemPendingTTL.Milliseconds())
	if err != nil {
		return false, nil, err
	}
	if !v.IsNil() {
		return true, nil, nil
	}
	got, err := g.Redis().Do(ctx, "GET", rkey)
	if err != nil {
		return false, nil, err
	}
	if got.IsNil() {
		return claimIdem(ctx, rkey, hash) // the first one's claim just expired or was dropped
	}
	rec := &idemRecord{}
	if err = json.Unmarshal(got.Bytes(), rec); err != nil {
		return false, nil, err
	}
	return false, rec, nil
}

// finishIdem keeps the answer the client is about to get. It is rendered here exactly as the
// Response middleware will render it; a 5xx drops the claim so a retry runs again.
func (s *sMiddleware) finishIdem(r *ghttp.Request, rkey, hash string) {
	ctx := context.WithoutCancel(r.Context()) // the answer must be kept even if the client left
	status, body := http.StatusOK, []byte(nil)
	switch err := r.GetError(); {
	case err != nil:
		var env Envelope
		status, env = s.describe(r.Context(), err) // Response logs the failure; once is enough
		body, _ = json.Marshal(env)
	case r.Response.BufferLength() > 0:
		status, body = r.Response.Status, r.Response.Buffer()
	default:
		body, _ = json.Marshal(Envelope{Code: 0, Data: r.GetHandlerResponse(), Message: "ok"})
	}
	if status == 0 {
		status = http.StatusOK
	}
	if status >= 500 || !json.Valid(body) {
		if _, err := g.Redis().Do(ctx, "DEL", rkey); err != nil {
			g.Log().Warningf(ctx, "idempotency: drop claim: %v", err)
		}
		return
	}
	done, _ := json.Marshal(idemRecord{Hash: hash, Done: true, Status: status, Body: body})
	if _, err := g.Redis().Do(ctx, "SET", rkey, string(done), "PX", idemKeep.Milliseconds()); err != nil {
		g.Log().Warningf(ctx, "idempotency: keep answer: %v", err)
	}
}
