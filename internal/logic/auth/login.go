package auth

import (
	"context"
	"kami/utility/dbx"
	"math"
	"strings"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/auth/v1"
	"kami/internal/config"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/utility/password"
	"kami/utility/ratelimit"
	"kami/utility/text"
)

// Login checks, in this order: lock, captcha (when earlier failures require it), password,
// account status. Wrong usernames and wrong passwords look the same to the caller.
func (s *sAuth) Login(ctx context.Context, req *v1.LoginReq) (*v1.LoginRes, error) {
	username := strings.TrimSpace(req.Username)
	ip, ua := infra.RequestIP(ctx), userAgent(ctx)
	fail := func(reason string, userID int64, err error) error {
		writeLoginLog(ctx, userID, username, ip, ua, false, reason)
		return err
	}
	if err := infra.Allow(ctx, "login:"+ip, ratelimit.PerMinute(config.Get().Auth.LoginRatePerMinute)); err != nil {
		return nil, err
	}
	remaining, err := lockRemaining(ctx, username)
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	if remaining > 0 {
		return nil, fail("locked", 0, errs.AccountLocked.New(minutes(remaining)))
	}
	required, err := captchaRequired(ctx, username, ip)
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	if required {
		if req.CaptchaID == "" || req.CaptchaCode == "" {
			return nil, fail("captcha_required", 0, errs.CaptchaRequired.New())
		}
		ok, err := checkCaptcha(ctx, req.CaptchaID, req.CaptchaCode)
		if err != nil {
			return nil, errs.Unavailable.Wrap(err)
		}
		if !ok {
			return nil, fail("captcha_invalid", 0, errs.CaptchaInvalid.New())
		}
	}
	var u entity.Users
	if err = dao.Users.Ctx(ctx).Where(dao.Users.Columns().Username, username).Scan(&u); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if u.Id == 0 || !password.Verify(u.PasswordHash, req.Password) {
		if u.Id == 0 {
			password.Burn(req.Password)
		}
		locked, err := recordFailure(ctx, username, ip)
		if err != nil {
			return nil, errs.Unavailable.Wrap(err)
		}
		if locked {
			return nil, fail("locked_now", u.Id, errs.AccountLocked.New(minutes(config.Get().Auth.LockDuration)))
		}
		return nil, fail("bad_password", u.Id, errs.InvalidCredentials.New())
	}
	if u.Status == consts.StatusPending {
		// A self-registered account whose email link was not opened yet: say so, so the person
		// looks in their mailbox instead of asking an admin why they are disabled.
		return nil, fail("pending", u.Id, errs.AccountPending.New())
	}
	if u.Status != consts.StatusEnabled {
		return nil, fail("disabled", u.Id, errs.AccountDisabled.New())
	}
	if err = clearFailures(ctx, username, ip); err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	access, refresh, err := createSession(ctx, &u, ip, ua)
	if err != nil {
		return nil, err
	}
	_, err = dao.Users.Ctx(ctx).WherePri(u.Id).Data(do.Users{LastLoginAt: gtime.Now(), LastLoginIp: ip}).Update()
	if err != nil {
		return nil, err
	}
	setRefreshCookie(ctx, refresh, config.Get().Auth.RefreshTTL)
	writeLoginLog(ctx, u.Id, username, ip, ua, true, "")
	return &v1.LoginRes{
		AccessToken:        access,
		UserID:             u.Id,
		Username:           u.Username,
		RealName:           u.RealName,
		Roles:              []string{u.Role},
		HomePath:           HomePath(u.Role),
		MustChangePassword: u.MustChangePassword == 1,
	}, nil
}

// HomePath is where Vben lands after login.
func HomePath(role string) string { return "/dashboard/analytics" }

func minutes(d interface{ Minutes() float64 }) int {
	return int(math.Ceil(d.Minutes()))
}

// writeLoginLog records every attempt; a failure to log must not fail the login itself.
func writeLoginLog(ctx context.Context, userID int64, username, ip, ua string, ok bool, reason string) {
	result := 0
	if ok {
		result = 1
	}
	_, err := dao.LoginLogs.Ctx(ctx).Data(do.LoginLogs{
		UserId: userID, Username: text.Truncate(username, 64), Ip: ip, UserAgent: text.Truncate(ua, 255),
		Result: result, Reason: reason, CreatedAt: gtime.Now(),
	}).Insert()
	if err != nil {
		g.Log().Warningf(ctx, "login log: %v", err)
	}
}
