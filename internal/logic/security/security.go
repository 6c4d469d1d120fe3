// Package security watches accounts for anomalies (seed 001 §9.1): a login from a region the
// user does not usually log in from, bursts of sensitive operations. Every anomaly is a row of
// the security log (who, what, from where, the measure taken), listed and exported through the
// caller's data scope, and a notice to the user and its superior.
package security

import (
	"sync/atomic"
	"time"

	"kami/internal/adapter/sms"

	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/logic/settings"
	"kami/internal/service"
)

// Settings of the module.
const (
	// SettingRegionWindow is how far back the user's usual regions are read from its login log.
	SettingRegionWindow = "security.regionWindow"
)

func init() {
	service.RegisterSecurity(New())
	settings.Define(settings.Def{Key: SettingRegionWindow, Group: "security", Type: settings.TypeDuration, Default: 30 * 24 * time.Hour,
		Min: settings.Bound(int64(time.Hour)), Max: settings.Bound(int64(366 * 24 * time.Hour))})
	settings.Define(settings.Def{Key: SettingBurstWindow, Group: "security", Type: settings.TypeDuration, Default: 10 * time.Minute,
		Min: settings.Bound(int64(time.Second)), Max: settings.Bound(int64(24 * time.Hour))})
	// Captcha and lock are off until an operator sets them: a bulk job of an integration (a
	// recharge script, a nightly export) would otherwise lock the account it runs as.
	for key, def := range map[string]int64{SettingBurstNotify: 20, SettingBurstCaptcha: 0, SettingBurstLock: 0} {
		settings.Define(settings.Def{Key: key, Group: "security", Type: settings.TypeInt, Default: def,
			Min: settings.Bound(0), Max: settings.Bound(100_000)})
	}
	settings.Define(settings.Def{Key: SettingSuperAdminLock, Group: "security", Type: settings.TypeDuration, Default: 30 * time.Minute,
		Min: settings.Bound(int64(time.Minute)), Max: settings.Bound(int64(7 * 24 * time.Hour))})
	settings.Define(settings.Def{Key: SettingMonitorLatency, Group: "security", Type: settings.TypeDuration, Default: 500 * time.Millisecond,
		Min: settings.Bound(int64(time.Millisecond)), Max: settings.Bound(int64(time.Minute))})
	settings.Define(settings.Def{Key: SettingMonitorErrorRate, Group: "security", Type: settings.TypeInt, Default: int64(5),
		Min: settings.Bound(1), Max: settings.Bound(100)})
	settings.Define(settings.Def{Key: SettingMonitorBackupAge, Group: "security", Type: settings.TypeDuration, Default: 26 * time.Hour,
		Min: settings.Bound(0), Max: settings.Bound(int64(31 * 24 * time.Hour))})
	settings.Define(settings.Def{Key: SettingMonitorDiskFree, Group: "security", Type: settings.TypeInt, Default: int64(10),
		Min: settings.Bound(0), Max: settings.Bound(99)})
}

type sSecurity struct {
	clock clock.Clock           // "now" of every event and window; set at boot
	cfg   func() *config.Config // the configuration (export cap, data dir), handed at boot
	mon   monitorState          // the fault monitor's probe and previous counters
	// smsFake replaces the Aliyun adapter when a test sets one (SetSMSSender).
	smsFake atomic.Pointer[sms.Sender]
}

func New() *sSecurity { return &sSecurity{clock: clock.System, cfg: config.Get} }

// SetClock hands the service its clock; boot calls it before serving.
func (s *sSecurity) SetClock(c clock.Clock) {
	if c != nil {
		s.clock = c
	}
}

// Configure hands the service the configuration it reads; boot calls it before serving.
func (s *sSecurity) Configure(cfg func() *config.Config) { s.cfg = cfg }
