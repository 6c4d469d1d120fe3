package signed

import (
	"context"
	"net/http"
	"strconv"

	"github.com/gogf/gf/v2/errors/gcode"
	"github.com/gogf/gf/v2/errors/gerror"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/i18n/gi18n"
	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/errs"
	"kami/internal/logic/middleware"
	"kami/utility/text"
)

// Envelope is openapi.md's body: error is the machine code (null on success).
type Envelope struct {
	Code    int     `json:"code"`
	Message string  `json:"message"`
	Error   *string `json:"error"`
	Data    any     `json:"data"`
}

// Describe maps an error to the contract's status and machine code (and sets Retry-After on a
// RATE_LIMITED or any refusal whose first argument is the seconds to wait, when retryArg says
// so). Anything that is not a business refusal — a database or Redis failure — is 503
// UNAVAILABLE: the call's transaction rolled back, so it changed nothing, and its detail
// stays in the server log.
func Describe(ctx context.Context, r *ghttp.Request, err error, retryAfter ...errs.Code) (int, Envelope) {
	ctx = gi18n.WithLanguage(ctx, middleware.Language(r.Header.Get("Accept-Language")))
	if e, ok := errs.As(err); ok {
		c := e.Code().(errs.Code)
		env := Failure(ctx, c, e.Args()...)
		if len(e.Args()) > 0 && (c == errs.RateLimited || contains(retryAfter, c)) {
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
		return http.StatusBadRequest, Failure(ctx, errs.OpenAPIBadRequest, gerror.Current(err).Error())
	}
	g.Log().Error(ctx, text.EscapeControl(err.Error()))
	return http.StatusServiceUnavailable, Failure(ctx, errs.Unavailable)
}

// Failure is the envelope of code c, its message localized with args.
func Failure(ctx context.Context, c errs.Code, args ...any) Envelope {
	machine := c.Message()
	return Envelope{Code: c.Code(), Message: gi18n.Tf(ctx, machine, args...), Error: &machine}
}

func contains(codes []errs.Code, c errs.Code) bool {
	for _, x := range codes {
		if x == c {
			return true
		}
	}
	return false
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
