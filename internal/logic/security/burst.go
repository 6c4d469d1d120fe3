package security

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/dao"
	"kami/internal/infra/peer"
	"kami/internal/infra/redisx"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/utility/redisscript"
)

// Settings of the burst rule: one window and three thresholds, each counted per user and per
// kind of sensitive operation; the highest threshold reached decides the measure.
const (
	SettingBurstWindow  = "security.burstWindow"
	SettingBurstNotify  = "security.burstNotify"
	SettingBurstCaptcha = "security.burstCaptcha"
	SettingBurstLock    = "security.burstLock"
)

// TagSensitive is the g.Meta tag naming a route's kind of sensitive operation (password,
// quota, role); every file download (a g.Meta mime) is an export without one.
const TagSensitive = "sensitive"

// countScript counts one operation in a fixed window that starts with the first one.
var countScript = redisscript.New(`
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`)

// Watch is the admin API middleware that counts each successful sensitive operation of the
// caller and takes the measure a threshold names when the count reaches it: notify at
// security.burstNotify, require a captcha at security.burstCaptcha, lock at security.burstLock.
// Each threshold fires once per window (the count equals it once). A failure to count never
// fails the request: the operation already happened.
func (s *sSecurity) Watch(r *ghttp.Request) {
	r.Middleware.Next()
	p := principal.From(r.Context())
	h := r.GetServeHandler()
	// Inside the envelope middleware: a failure is still the handler error, not a status yet.
	if p == nil || h == nil || r.GetError() != nil || r.Response.Status >= 400 {
		return
	}
	op := h.GetMetaTag(TagSensitive)
	if op == "" && h.GetMetaTag("mime") != "" {
		op = "export"
	}
	if op == "" {
		return
	}
	ctx := context.WithoutCancel(r.Context())
	if err := s.countOperation(ctx, p.UserID, op, peer.RequestIP(ctx)); err != nil {
		g.Log().Warningf(ctx, "security: counting %s of user %d: %v", op, p.UserID, err)
	}
}

// countOperation counts one op of the user and takes the measure of a threshold it reaches.
func (s *sSecurity) countOperation(ctx context.Context, userID int64, op, ip string) error {
	st := service.Settings()
	window := st.Duration(SettingBurstWindow)
	v, err := countScript.Run(ctx, g.Redis(), []string{redisx.Key("security", "burst", op, strconv.FormatInt(userID, 10))}, window.Milliseconds())
	if err != nil {
		return err
	}
	n := v.Int64()
	var measure, severity string
	switch n {
	case st.Int(SettingBurstLock):
		measure, severity = MeasureLock, SeverityCritical
	case st.Int(SettingBurstCaptcha):
		measure, severity = MeasureCaptcha, SeverityWarning
	case st.Int(SettingBurstNotify):
		measure, severity = MeasureNotify, SeverityInfo
	default:
		return nil
	}
	var u entity.Users
	if err = dao.Users.Ctx(ctx).WherePri(userID).Scan(&u); err != nil {
		return err
	}
	e := event{
		UserID: u.Id, ParentID: u.ParentId, Username: u.Username, Kind: KindBurst, Severity: severity, Measure: measure,
		IP: ip, Location: service.Geo().Locate(ctx, ip), Detail: fmt.Sprintf("%s × %d within %s", op, n, window),
		Template: "security.burst", Params: map[string]any{"op": op, "count": n, "window": describeWindow(window)},
	}
	if measure == MeasureCaptcha {
		// The flag outlives the window by nothing: once the count restarts, so does the rule.
		if _, err = g.Redis().Do(ctx, "SET", captchaKey(u.Id), 1, "PX", window.Milliseconds()); err != nil {
			return err
		}
	}
	err = g.DB().Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		id, err := s.record(ctx, e)
		if err != nil || measure != MeasureLock {
			return err
		}
		return s.lock(ctx, &u, id, KindBurst)
	})
	if err != nil || measure != MeasureLock {
		return err
	}
	// A lock ends the sessions too: refusing the next login alone would leave the burst running.
	return service.Auth().RevokeUserSessions(ctx, u.Id, "", "security_lock")
}

func captchaKey(userID int64) string {
	return redisx.Key("security", "captcha", strconv.FormatInt(userID, 10))
}

// CaptchaRequired reports whether a burst measure requires a captcha of the user's logins.
func (s *sSecurity) CaptchaRequired(ctx context.Context, userID int64) (bool, error) {
	v, err := g.Redis().Do(ctx, "EXISTS", captchaKey(userID))
	if err != nil {
		return false, err
	}
	return v.Int() == 1, nil
}

// describeWindow keeps a duration readable in a notice ("10m0s" → "10m").
func describeWindow(d time.Duration) string {
	return strings.TrimSuffix(strings.TrimSuffix(d.String(), "0s"), "0m")
}
