package auth

import (
	"time"

	"kami/internal/logic/settings"
	"kami/internal/service"
)

// The login policy an operator tunes from the system-configuration page (settings, live on every
// node within a second). Token lifetimes and bcrypt capacity stay in config.yaml: they size the
// deployment rather than the policy.
func init() {
	settings.Define(settings.Def{Key: "auth.captchaAfterFailures", Group: "auth", Type: settings.TypeInt, Default: 3,
		Min: settings.Bound(1), Max: settings.Bound(100)})
	settings.Define(settings.Def{Key: "auth.captchaAfterIpFailures", Group: "auth", Type: settings.TypeInt, Default: 20,
		Min: settings.Bound(0), Max: settings.Bound(100000)})
	settings.Define(settings.Def{Key: "auth.lockAfterFailures", Group: "auth", Type: settings.TypeInt, Default: 5,
		Min: settings.Bound(1), Max: settings.Bound(100)})
	settings.Define(settings.Def{Key: "auth.lockDuration", Group: "auth", Type: settings.TypeDuration, Default: 15 * time.Minute,
		Min: settings.Bound(int64(time.Minute)), Max: settings.Bound(int64(24 * time.Hour))})
	settings.Define(settings.Def{Key: "auth.failureWindow", Group: "auth", Type: settings.TypeDuration, Default: 15 * time.Minute,
		Min: settings.Bound(int64(time.Minute)), Max: settings.Bound(int64(24 * time.Hour))})
	settings.Define(settings.Def{Key: "auth.loginPerIpPerMinute", Group: "auth", Type: settings.TypeInt, Default: 30,
		Min: settings.Bound(1), Max: settings.Bound(10_000_000)})
}

// policy is the login policy as it stands for one attempt.
type policy struct {
	captchaAfter, captchaAfterIP, lockAfter, loginPerMinute int
	lockDuration, failureWindow                             time.Duration
}

func currentPolicy() policy {
	s := service.Settings()
	return policy{
		captchaAfter:   int(s.Int("auth.captchaAfterFailures")),
		captchaAfterIP: int(s.Int("auth.captchaAfterIpFailures")),
		lockAfter:      int(s.Int("auth.lockAfterFailures")),
		loginPerMinute: int(s.Int("auth.loginPerIpPerMinute")),
		lockDuration:   s.Duration("auth.lockDuration"),
		failureWindow:  s.Duration("auth.failureWindow"),
	}
}
