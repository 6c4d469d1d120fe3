package user

import (
	"time"

	"kami/internal/logic/settings"
	"kami/internal/service"
	"kami/utility/password"
)

// Self-registration and password-reset policy, tuned from the system-configuration page.
func init() {
	settings.Define(settings.Def{Key: "register.enabled", Group: "register", Type: settings.TypeBool, Default: true})
	settings.Define(settings.Def{Key: "register.verifyTtl", Group: "register", Type: settings.TypeDuration, Default: 24 * time.Hour,
		Min: settings.Bound(int64(10 * time.Minute)), Max: settings.Bound(int64(30 * 24 * time.Hour))})
	settings.Define(settings.Def{Key: "register.resetTtl", Group: "register", Type: settings.TypeDuration, Default: time.Hour,
		Min: settings.Bound(int64(5 * time.Minute)), Max: settings.Bound(int64(24 * time.Hour))})
	settings.Define(settings.Def{Key: "register.forgotPerIpPerHour", Group: "register", Type: settings.TypeInt, Default: 20,
		Min: settings.Bound(0), Max: settings.Bound(100000)})
}

func init() {
	settings.Define(settings.Def{Key: "password.minLength", Group: "password", Type: settings.TypeInt, Default: 8,
		Min: settings.Bound(8), Max: settings.Bound(72)})
	settings.Define(settings.Def{Key: "password.requireSymbol", Group: "password", Type: settings.TypeBool, Default: false})
}

// passwordPolicy is what a new password must have, as the operator set it.
func passwordPolicy() password.Policy {
	s := service.Settings()
	return password.Policy{MinLength: int(s.Int("password.minLength")), Symbol: s.Bool("password.requireSymbol")}
}

func registerOpen() bool       { return service.Settings().Bool("register.enabled") }
func verifyTTL() time.Duration { return service.Settings().Duration("register.verifyTtl") }
func resetTTL() time.Duration  { return service.Settings().Duration("register.resetTtl") }
func forgotPerIPPerHour() int  { return int(service.Settings().Int("register.forgotPerIpPerHour")) }
