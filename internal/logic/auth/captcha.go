package auth

import (
	"context"
	"strings"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/mojocn/base64Captcha"

	v1 "kami/api/auth/v1"
	"kami/internal/errs"
	"kami/internal/infra/peer"
	"kami/internal/infra/redisx"
	"kami/internal/infra/throttle"
	"kami/utility/ratelimit"
	"kami/utility/redisscript"
)

const captchaTTL = 5 * time.Minute

var captchaDriver = base64Captcha.NewDriverDigit(80, 240, 4, 0.6, 60)

func captchaKey(id string) string { return redisx.Key("auth", "captcha", id) }

// takeScript reads and deletes the answer in one step, so a captcha can be tried exactly once
// even when two nodes receive the same id at the same moment.
var takeScript = redisscript.New(`local v = redis.call('GET', KEYS[1])
if v then redis.call('DEL', KEYS[1]) end
return v`)

// Captcha issues a digit captcha whose answer is kept in Redis, so any node can check it.
func (s *sAuth) Captcha(ctx context.Context, req *v1.CaptchaReq) (*v1.CaptchaRes, error) {
	// Drawing costs CPU: cap it per IP so the endpoint cannot be used to burn the server.
	if err := throttle.Allow(ctx, "captcha:"+peer.RequestIP(ctx), ratelimit.PerMinute(60)); err != nil {
		return nil, err
	}
	id, content, answer := captchaDriver.GenerateIdQuestionAnswer()
	item, err := captchaDriver.DrawCaptcha(content)
	if err != nil {
		return nil, err
	}
	if _, err = g.Redis().Do(ctx, "SET", captchaKey(id), answer, "PX", captchaTTL.Milliseconds()); err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	_, subj, err := lookup(ctx, req.Username)
	if err != nil {
		return nil, err
	}
	required, err := captchaRequired(ctx, subj, peer.RequestIP(ctx))
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	return &v1.CaptchaRes{CaptchaID: id, Image: item.EncodeB64string(), Required: required}, nil
}

// checkCaptcha consumes the captcha; a wrong answer burns it too.
func checkCaptcha(ctx context.Context, id, answer string) (bool, error) {
	if id == "" || answer == "" {
		return false, nil
	}
	v, err := takeScript.Run(ctx, g.Redis(), []string{captchaKey(id)})
	if err != nil {
		return false, err
	}
	return !v.IsNil() && v.String() != "" && strings.EqualFold(v.String(), strings.TrimSpace(answer)), nil
}

// CaptchaAnswer is for tests driving the captcha flow over HTTP: it reads the stored answer
// without consuming it, the way a person would read the image.
func CaptchaAnswer(ctx context.Context, id string) (string, error) {
	v, err := g.Redis().Do(ctx, "GET", captchaKey(id))
	return v.String(), err
}

func userAgent(ctx context.Context) string {
	if r := g.RequestFromCtx(ctx); r != nil {
		return r.UserAgent()
	}
	return ""
}
