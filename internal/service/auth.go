// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/auth/v1"
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/principal"
)

type (
	IAuth interface {
		// SetClock hands the service its clock; boot calls it before serving.
		SetClock(c clock.Clock)
		// Configure hands the service the configuration it reads (token lifetimes, refresh grace,
		// hashing limits, cookie rules); boot calls it before serving.
		Configure(cfg func() *config.Config)
		// Captcha issues a digit captcha whose answer is kept in Redis, so any node can check it.
		Captcha(ctx context.Context, req *v1.CaptchaReq) (*v1.CaptchaRes, error)
		// Login checks, in this order: lock, a turn at bcrypt (capacity.go), captcha (when earlier
		// failures require it), password, account status. Wrong usernames and wrong passwords look the
		// same to the caller. The typed name is canonicalized once and the account looked up by its
		// canonical key, so every spelling of a name means one account and one failure budget on every
		// backend; each password check is reserved in Redis before bcrypt runs (guard.go).
		Login(ctx context.Context, req *v1.LoginReq) (*v1.LoginRes, error)
		// Purge deletes the dead rows of the auth.purge job, as of the service's clock.
		Purge(ctx context.Context) (int, error)
		// Refresh rotates the refresh cookie and answers the new access token as the raw body, which
		// is what Vben's refresh handler reads. Refreshes racing with one cookie all get the same new
		// cookie (see rotate.go).
		Refresh(ctx context.Context, _ *v1.RefreshReq) (*v1.RefreshRes, error)
		// Logout ends the session named by the bearer token, the one named by the refresh cookie, or
		// both, and always clears the cookie. The stock Vben client logs out through its bare client:
		// the cookie and no Authorization header. A cookie ends its session only with a secret that
		// would refresh it, so knowing a session id is not enough to log someone out.
		Logout(ctx context.Context, _ *v1.LogoutReq) (*v1.LogoutRes, error)
		// Codes lists the caller's button permission codes.
		Codes(ctx context.Context, _ *v1.CodesReq) (*v1.CodesRes, error)
		// Authenticate checks the access token and that its session is live and its user enabled, in
		// one indexed query, so a logout or disable on any node is seen on the next request.
		Authenticate(ctx context.Context, token string) (*principal.Principal, error)
		// RevokeUserSessions ends every live session of a user except keepSessionID (may be "").
		// Password changes, resets and disabling call it.
		RevokeUserSessions(ctx context.Context, userID int64, keepSessionID string, reason string) error
	}
)

var (
	localAuth IAuth
)

func Auth() IAuth {
	if localAuth == nil {
		panic("implement not found for interface IAuth, forgot register?")
	}
	return localAuth
}

func RegisterAuth(i IAuth) {
	localAuth = i
}
