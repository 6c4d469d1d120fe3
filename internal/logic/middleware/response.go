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

	"kami/internal/config"
	"kami/internal/errs"
	"kami/utility/text"
)

// Envelope is the admin API body Vben's request client reads (admin-api.md).
type Envelope struct {
	Code    int    `json:"code"`
	Data    any    `json:"data"`
	Error   any    `json:"error"`
	Message string `json:"message"`
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
		status, env := Failure(r, err)
		r.Response.ClearBuffer()
		r.Response.WriteHeader(status)
		r.Response.WriteJson(env)
		return
	}
	r.Response.WriteJson(Envelope{Code: 0, Data: r.GetHandlerResponse(), Message: "ok"})
}

// Failure turns an error into an HTTP status and an envelope; unknown errors become a 500 whose
// detail stays in the server log unless debug is on, so SQL text never reaches a client.
func Failure(r *ghttp.Request, err error) (int, Envelope) {
	status, env := describe(r.Context(), err)
	if status >= http.StatusInternalServerError {
		logError(r.Context(), err)
	}
	return status, env
}

// describe is Failure without the logging, for a second look at the same error.
func describe(ctx context.Context, err error) (int, Envelope) {
	if e, ok := errs.As(err); ok {
		c := e.Code().(errs.Code)
		msg := e.Message()
		if msg == "" {
			msg = gi18n.Tf(ctx, c.Message(), e.Args()...)
		}
		return c.HTTPStatus(), Envelope{Code: c.Code(), Error: c.Message(), Message: msg}
	}
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) || strings.Contains(err.Error(), "http: request body too large") {
		return http.StatusRequestEntityTooLarge, Envelope{Code: errs.TooLarge.Code(), Error: errs.TooLarge.Message(), Message: gi18n.T(ctx, errs.TooLarge.Message())}
	}
	code := gerror.Code(err)
	switch code {
	case gcode.CodeValidationFailed, gcode.CodeInvalidParameter, gcode.CodeMissingParameter, gcode.CodeInvalidRequest:
		// gvalid already localized this text through the request's language.
		return http.StatusBadRequest, Envelope{Code: errs.InvalidInput.Code(), Error: errs.InvalidInput.Message(), Message: gerror.Current(err).Error()}
	case gcode.CodeNotFound:
		return http.StatusNotFound, Envelope{Code: errs.NotFound.Code(), Error: errs.NotFound.Message(), Message: gi18n.T(ctx, errs.NotFound.Message())}
	}
	env := Envelope{Code: errs.Internal.Code(), Error: errs.Internal.Message(), Message: gi18n.T(ctx, errs.Internal.Message())}
	if config.Get().Debug {
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
