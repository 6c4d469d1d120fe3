package auth

import (
	"context"
	"math"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/auth/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/peer"
	"kami/internal/infra/throttle"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
	"kami/utility/password"
	"kami/utility/ratelimit"
	"kami/utility/text"
	"kami/utility/username"
)

// Login checks, in this order: lock, a turn at bcrypt (capacity.go), captcha (when earlier
// failures require it), password, account status. Wrong usernames and wrong passwords look the
// same to the caller. The typed name is canonicalized once and the account looked up by its
// canonical key, so every spelling of a name means one account and one failure budget on every
// backend; each password check is reserved in Redis before bcrypt runs (guard.go).
func (s *sAuth) Login(ctx context.Context, req *v1.LoginReq) (*v1.LoginRes, error) {
	typed := req.Username
	ip, ua := peer.RequestIP(ctx), userAgent(ctx)
	var userID int64
	fail := func(reason string, err error) error {
		s.writeLoginLog(ctx, userID, typed, ip, ua, false, reason)
		return err
	}
	if err := throttle.Allow(ctx, "login:"+ip, ratelimit.PerMinute(currentPolicy().loginPerMinute)); err != nil {
		return nil, err
	}
	u, subj, err := lookup(ctx, typed)
	if err != nil {
		return nil, err
	}
	if u != nil {
		userID = u.Id
	}
	remaining, err := lockRemaining(ctx, subj)
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	if remaining > 0 {
		return nil, fail("locked", errs.AccountLocked.New(minutes(remaining)))
	}
	// An anomaly lock (internal/logic/security) holds until the user's superior lifts it; the
	// answer is the same for any password, so it tells a guesser nothing.
	if u != nil {
		if err = service.Security().CheckLocked(ctx, u.Id); err != nil {
			return nil, fail("anomaly_locked", err)
		}
	}
	// The slot is taken before the captcha is spent and the attempt reserved, so a login
	// refused for capacity costs the caller neither.
	release, err := s.acquireBcrypt(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	// From here on the attempt runs to its end even if the client hangs up: a guess whose
	// failure went uncounted because the caller disconnected would be a free guess.
	ctx = context.WithoutCancel(ctx)
	if err = checkLoginCaptcha(ctx, req, u, subj, ip); err != nil {
		if errs.Is(err, errs.CaptchaRequired) {
			return nil, fail("captcha_required", err)
		}
		if errs.Is(err, errs.CaptchaInvalid) {
			return nil, fail("captcha_invalid", err)
		}
		return nil, err
	}
	chk, err := s.reserve(ctx, subj)
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	if chk.locked {
		return nil, fail("locked", errs.AccountLocked.New(minutes(chk.left)))
	}
	if chk.full {
		return nil, fail("checks_in_progress", retryShortly(ctx))
	}
	ok := u != nil && password.Verify(u.PasswordHash, req.Password)
	if u == nil {
		password.Burn(req.Password)
	}
	release()
	if !ok {
		locked, err := chk.fail(ctx)
		if err == nil {
			err = failIP(ctx, ip)
		}
		if err != nil {
			return nil, errs.Unavailable.Wrap(err)
		}
		if locked {
			return nil, fail("locked_now", errs.AccountLocked.New(minutes(currentPolicy().lockDuration)))
		}
		return nil, fail("bad_password", errs.InvalidCredentials.New())
	}
	// The password was right: the failure run ends here, whatever the account's status says.
	if err = chk.settle(ctx); err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	if u.Status == consts.StatusPending {
		// A self-registered account whose email link was not opened yet: say so, so the person
		// looks in their mailbox instead of asking an admin why they are disabled.
		return nil, fail("pending", errs.AccountPending.New())
	}
	if u.Status != consts.StatusEnabled {
		return nil, fail("disabled", errs.AccountDisabled.New())
	}
	// The optional second step (security.loginSmsCode): only now, after the password, so the
	// code's send and its answer are no oracle.
	if err = service.Security().LoginSMSCheck(ctx, u, req.SmsCode); err != nil {
		switch {
		case errs.Is(err, errs.SMSCodeRequired):
			return nil, fail("sms_code_sent", err)
		case errs.Is(err, errs.SMSCodeInvalid):
			return nil, fail("sms_code_invalid", err)
		}
		return nil, fail("sms_code_unsent", err)
	}
	access, refresh, err := s.createSession(ctx, u, ip, ua)
	if err != nil {
		return nil, err
	}
	_, err = dao.Users.Ctx(ctx).WherePri(u.Id).Data(do.Users{LastLoginAt: gtime.New(s.clock.Now()), LastLoginIp: ip}).Update()
	if err != nil {
		return nil, err
	}
	s.setRefreshCookie(ctx, refresh, s.cfg().Auth.RefreshTTL)
	// Before this login is logged, so the user's usual regions are the earlier logins'. A
	// failed check must not cost the person the session it already has.
	if err = service.Security().CheckLogin(ctx, u, ip); err != nil {
		g.Log().Warningf(ctx, "security: login check of user %d: %v", u.Id, err)
	}
	s.writeLoginLog(ctx, u.Id, typed, ip, ua, true, "")
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

// retryShortly refuses a check the budget has no room for while other checks of the same
// subject are in progress: they finish within milliseconds, then either the lock is set or
// there is room again.
func retryShortly(ctx context.Context) error {
	if r := g.RequestFromCtx(ctx); r != nil {
		r.Response.Header().Set("Retry-After", "1")
	}
	return errs.RateLimited.New(1)
}

// lookup finds the account a typed name means (nil when none) and the subject its failures
// count against: the account when there is one, else the canonical name.
func lookup(ctx context.Context, typed string) (*entity.Users, subject, error) {
	name := username.Canonical(typed)
	var u entity.Users
	err := dao.Users.Ctx(ctx).Where(dao.Users.Columns().UsernameKey, name).Scan(&u)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, "", err
	}
	if u.Id == 0 {
		return nil, nameSubject(name), nil
	}
	return &u, accountSubject(u.Id), nil
}

// checkLoginCaptcha demands and consumes a captcha when earlier failures of the subject or the
// IP, or a security measure on the account, require one.
func checkLoginCaptcha(ctx context.Context, req *v1.LoginReq, u *entity.Users, subj subject, ip string) error {
	required, err := captchaRequired(ctx, subj, ip)
	if err != nil {
		return errs.Unavailable.Wrap(err)
	}
	// A burst of sensitive operations can require one too (security.burstCaptcha).
	if !required && u != nil {
		if required, err = service.Security().CaptchaRequired(ctx, u.Id); err != nil {
			return errs.Unavailable.Wrap(err)
		}
	}
	if !required {
		return nil
	}
	if req.CaptchaID == "" || req.CaptchaCode == "" {
		return errs.CaptchaRequired.New()
	}
	ok, err := checkCaptcha(ctx, req.CaptchaID, req.CaptchaCode)
	if err != nil {
		return errs.Unavailable.Wrap(err)
	}
	if !ok {
		return errs.CaptchaInvalid.New()
	}
	return nil
}

// HomePath is where Vben lands after login.
func HomePath(role string) string { return consts.HomePath(role) }

func minutes(d interface{ Minutes() float64 }) int {
	return int(math.Ceil(d.Minutes()))
}

// writeLoginLog records every attempt under the name as typed (the canonical one is the
// account's); a failure to log must not fail the login itself.
func (s *sAuth) writeLoginLog(ctx context.Context, userID int64, username, ip, ua string, ok bool, reason string) {
	result := 0
	if ok {
		result = 1
	}
	// Escaped first: a NUL or a line break in a typed name or a user agent must neither forge a
	// log line nor be refused by the database.
	_, err := dao.LoginLogs.Ctx(ctx).Data(do.LoginLogs{
		UserId: userID, Username: text.Truncate(text.EscapeControl(username), 128), Ip: ip,
		UserAgent: text.Truncate(text.EscapeControl(ua), 255), Location: text.Truncate(service.Geo().Locate(ctx, ip), 128),
		Result: result, Reason: reason, CreatedAt: gtime.New(s.clock.Now()),
	}).Insert()
	if err != nil {
		g.Log().Warningf(ctx, "login log: %v", err)
	}
}
