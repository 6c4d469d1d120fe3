package openapi

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"

	v1 "kami/api/openapi/v1"
	"kami/internal/errs"
	"kami/internal/logic/openapi/signed"
	"kami/internal/model"
	"kami/internal/service"
)

// envelope is openapi.md's body, shared with the merchant API (signed.Envelope).
type envelope = signed.Envelope

const (
	headerKid         = "X-Kami-Kid"
	headerResponseSig = "X-Kami-Signature-Ed25519"
)

// answer writes the envelope and, whenever the request named a known project, signs it:
// Ed25519 over the request's nonce, method and path, the answer's time and the body's hash,
// so a client can tell a replayed or forged answer from a real one.
func (s *sOpenapi) answer(r *ghttp.Request, c *call, data any, err error) {
	ctx := r.Context()
	status, env := http.StatusOK, envelope{Message: "ok", Data: data}
	if err != nil {
		status, env = describe(ctx, r, err)
	}
	body, merr := json.Marshal(env)
	if merr != nil {
		g.Log().Error(ctx, merr)
		status, env = http.StatusServiceUnavailable, failure(ctx, errs.Unavailable)
		body, _ = json.Marshal(env)
	}
	hdr := r.Response.Header()
	hdr.Set("Content-Type", "application/json; charset=utf-8")
	hdr.Set("Cache-Control", "no-store")
	if c.project != nil && c.project.opened != nil {
		ts := s.now().Unix()
		sig := ed25519.Sign(c.project.opened.SigningKey, []byte(canonicalResponse(c.nonce, r.Method, r.URL.Path, ts, body)))
		hdr.Set(headerKid, c.project.Kid)
		hdr.Set(headerTimestamp, strconv.FormatInt(ts, 10))
		hdr.Set(headerResponseSig, base64.StdEncoding.EncodeToString(sig))
	}
	r.Response.ClearBuffer()
	r.Response.WriteHeader(status)
	r.Response.Write(body)
	s.log(r, c, env, status, data)
}

// log counts the call in the project's call log and keeps a refused one in detail; calls of
// no known project have no log to go to.
func (s *sOpenapi) log(r *ghttp.Request, c *call, env envelope, status int, data any) {
	if c.project == nil {
		return
	}
	result := "OK"
	// A handler that failed answers a typed nil alongside its error.
	switch d := data.(type) {
	case *v1.VerifyRes:
		if d != nil {
			result = d.Result
		}
	case *v1.UnbindRes:
		if d != nil {
			result = d.Result
		}
	}
	if env.Error != nil {
		result = *env.Error
		ts, _ := strconv.ParseInt(r.Header.Get(headerTimestamp), 10, 64)
		service.ApiCalls().Fail(model.ApiFailure{ProjectID: c.project.ID, Endpoint: c.endpoint, Error: result,
			HTTPStatus: status, Detail: env.Message, IP: c.ip, Nonce: c.nonce, RequestTime: ts, At: s.now()})
	}
	service.ApiCalls().Count(c.project.ID, c.endpoint, result)
}

func describe(ctx context.Context, r *ghttp.Request, err error) (int, envelope) {
	return signed.Describe(ctx, r, err)
}

func failure(ctx context.Context, c errs.Code, args ...any) envelope {
	return signed.Failure(ctx, c, args...)
}
