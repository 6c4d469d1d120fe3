package openapi

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/gogf/gf/v2/errors/gcode"
	"github.com/gogf/gf/v2/errors/gerror"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/i18n/gi18n"
	"github.com/gogf/gf/v2/net/ghttp"

	v1 "kami/api/openapi/v1"
	"kami/internal/errs"
	"kami/internal/logic/middleware"
	"kami/internal/model"
	"kami/internal/service"
	"kami/utility/text"
)

// envelope is openapi.md's body: error is the machine code (null on success).
type envelope struct {
	Code    int     `json:"code"`
	Message string  `json:"message"`
	Error   *string `json:"error"`
	Data    any     `json:"data"`
}

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

// describe maps an error to the contract's status and machine code. Anything that is not a
// business refusal — a database or Redis failure — is 503 UNAVAILABLE: the call's transaction
// rolled back, so it changed nothing, and its detail stays in the server log.
func describe(ctx context.Context, r *ghttp.Request, err error) (int, envelope) {
	ctx = gi18n.WithLanguage(ctx, middleware.Language(r.Header.Get("Accept-Language")))
	if e, ok := errs.As(err); ok {
		c := e.Code().(errs.Code)
		env := failure(ctx, c, e.Args()...)
		if c == errs.RateLimited && len(e.Args()) > 0 {
			r.Response.Header().Set("Retry-After", strconv.Itoa(toInt(e.Args()[0])))
		}
		if c.HTTPStatus() >= http.StatusInternalServerError {
			g.Log().Error(ctx, text.EscapeControl(err.Error()))
		}
		return c.HTTPStatus(), env
	}
	switch gerror.Code(err) {
	case gcode.CodeValidationFailed, gcode.CodeInvalidParameter, gcode.CodeMissingParameter, gcode.CodeInvalidRequest:
		// gvalid's text names the field; a JSON parse error says where it broke.
		return http.StatusBadRequest, failure(ctx, errs.OpenAPIBadRequest, gerror.Current(err).Error())
	}
	g.Log().Error(ctx, text.EscapeControl(err.Error()))
	return http.StatusServiceUnavailable, failure(ctx, errs.Unavailable)
}

func failure(ctx context.Context, c errs.Code, args ...any) envelope {
	machine := c.Message()
	return envelope{Code: c.Code(), Message: gi18n.Tf(ctx, machine, args...), Error: &machine}
}

func toInt(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case int64:
		return int(n)
	}
	return 1
}
