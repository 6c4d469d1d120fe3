package middleware

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/gogf/gf/v2/errors/gcode"
	"github.com/gogf/gf/v2/errors/gerror"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/i18n/gi18n"
	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/errs"
	"kami/utility/text"
)

// Envelope is the admin API body Vben's request client reads (admin-api.md). On failure `error`
// is the localized detail a person reads (the stock client shows `error ?? message`), `message`
// the localized summary, and `reason` the stable machine code programs key on.
type Envelope struct {
	Code    int    `json:"code"`
	Data    any    `json:"data"`
	Error   any    `json:"error"`
	Message string `json:"message"`
	Reason  string `json:"reason,omitempty"`
}

// failure is the envelope of an error of code c: detail for `error`, summary for `message`.
func failure(c errs.Code, detail, summary string) Envelope {
	if summary == "" {
		summary = detail
	}
	return Envelope{Code: c.Code(), Error: detail, Message: summary, Reason: c.Message()}
}

// Fail is the envelope of code c with its own localized text, for middleware that answers
// without an error value.
func Fail(ctx context.Context, c errs.Code, args ...any) Envelope {
	text := gi18n.Tf(ctx, c.Message(), args...)
	return failure(c, text, text)
}

// Response wraps every handler result in the envelope and gives errors their real HTTP status;
// gf's default answers 200 for everything, which would stop Vben from refreshing on 401.
// A handler that wrote its own body (a raw refresh token, a file download) or whose route is
// raw:"true" is left alone on success; one that streamed it past the buffer (an export) has
// already sent its status, so nothing may follow.
func (s *sMiddleware) Response(r *ghttp.Request) {
	r.Middleware.Next()
	if r.Response.BytesWritten() > 0 {
		return
	}
	if (r.Response.BufferLength() > 0 || routeTag(r, TagRaw) == "true") && r.GetError() == nil {
		return
	}
	if err := r.GetError(); err != nil {
		status, env := s.answerFor(r, err)
		r.Response.ClearBuffer()
		r.Response.WriteHeader(status)
		r.Response.WriteJson(env)
		return
	}
	r.Response.WriteJson(Envelope{Code: 0, Data: r.GetHandlerResponse(), Message: "ok"})
}

// answerFor turns an error into an HTTP status and an envelope; unknown errors become a 500 whose
// detail stays in the server log unless debug is on, so SQL text never reaches a client.
func (s *sMiddleware) answerFor(r *ghttp.Request, err error) (int, Envelope) {
	status, env := s.describe(r.Context(), err)
	if status >= http.StatusInternalServerError {
		logError(r.Context(), err)
	}
	return status, env
}

// describe is Failure without the logging, for a second look at the same error.
func (s *sMiddleware) describe(ctx context.Context, err error) (int, Envelope) {
	if e, ok := errs.As(err); ok {
		c := e.Code().(errs.Code)
		if literal := e.Message(); literal != "" {
			// A literal message (a validation text) is the detail; the code's own text sums it
			// up unless that text needs arguments it was not given.
			summary := gi18n.T(ctx, c.Message())
			if strings.Contains(summary, "%") {
				summary = literal
			}
			return c.HTTPStatus(), failure(c, literal, summary)
		}
		text := gi18n.Tf(ctx, c.Message(), e.Args()...)
		return c.HTTPStatus(), failure(c, text, text)
	}
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) || strings.Contains(err.Error(), "http: request body too large") {
		return http.StatusRequestEntityTooLarge, Fail(ctx, errs.TooLarge)
	}
	code := gerror.Code(err)
	switch code {
	case gcode.CodeValidationFailed, gcode.CodeInvalidParameter, gcode.CodeMissingParameter, gcode.CodeInvalidRequest:
		// gvalid already localized this text (it names the field) through the request's language.
		return http.StatusBadRequest, failure(errs.InvalidInput, gerror.Current(err).Error(), gi18n.T(ctx, errs.InvalidInput.Message()))
	case gcode.CodeNotFound:
		return http.StatusNotFound, Fail(ctx, errs.NotFound)
	}
	env := Fail(ctx, errs.Internal)
	if s.cfg().Debug {
		env.Error = err.Error()
	}
	return http.StatusInternalServerError, env
}

// logError writes err with its stack as one log line: the message may carry request data
// (a path, a field name), and a newline in it must not start a forged line of its own.
func logError(ctx context.Context, err error) {
	g.Log().Error(ctx, text.EscapeControl(fmt.Sprintf("%+v", err)))
}

// Abort stops the chain with err; Response renders it.
func Abort(r *ghttp.Request, err error) {
	r.SetError(err)
}
