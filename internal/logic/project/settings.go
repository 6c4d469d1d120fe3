package project

import (
	"time"

	"kami/internal/logic/settings"
)

// Settings of projects and authorizations (系统配置 > 项目与授权).
const (
	// SettingSecretGrace: how long the previous appSecret verifies after a rotation.
	SettingSecretGrace = "projects.secretGrace"
	// SettingSigningKeyGrace: how long the previous signing key stays published (clients
	// cache the public keys; a response signed just before the rotation must still check).
	SettingSigningKeyGrace = "projects.signingKeyGrace"
	// SettingAuthorizationWarning: how long before an authorization ends its holder is told.
	SettingAuthorizationWarning = "projects.authorizationWarning"
)

func init() {
	day := int64(24 * time.Hour)
	settings.Define(settings.Def{Key: SettingSecretGrace, Group: "projects", Type: settings.TypeDuration, Default: 24 * time.Hour,
		Min: settings.Bound(0), Max: settings.Bound(30 * day)})
	settings.Define(settings.Def{Key: SettingSigningKeyGrace, Group: "projects", Type: settings.TypeDuration, Default: 7 * 24 * time.Hour,
		Min: settings.Bound(0), Max: settings.Bound(90 * day)})
	settings.Define(settings.Def{Key: SettingAuthorizationWarning, Group: "projects", Type: settings.TypeDuration, Default: 72 * time.Hour,
		Min: settings.Bound(int64(time.Hour)), Max: settings.Bound(30 * day)})
}
