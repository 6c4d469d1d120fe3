package quota

import (
	"time"

	"kami/internal/logic/settings"
)

// Settings of the quota module (系统配置 > 额度设置). Amounts are units.
const (
	settingMinTransfer   = "quota.minTransfer"
	settingMinWithdrawal = "quota.minWithdrawal"
	// A single transfer or withdrawal above this is held for review; 0: rule off.
	settingRiskSingle = "quota.riskSingleOver"
	// More than riskFrequentCount transfers by one user within riskFrequentWindow: held.
	settingRiskCount  = "quota.riskFrequentCount"
	settingRiskWindow = "quota.riskFrequentWindow"
	// A withdrawal within riskIncomingWindow after receiving a transfer of riskIncomingOver or
	// more: held.
	settingRiskIncoming       = "quota.riskIncomingOver"
	settingRiskIncomingWindow = "quota.riskIncomingWindow"
)

func init() {
	units := func(key string, def int64) {
		settings.Define(settings.Def{Key: key, Group: "quota", Type: settings.TypeInt, Default: def,
			Min: settings.Bound(0), Max: settings.Bound(100_000_000_000)})
	}
	units(settingMinTransfer, 100)     // 1 元
	units(settingMinWithdrawal, 10000) // 100 元
	units(settingRiskSingle, 5_000_000)
	units(settingRiskIncoming, 1_000_000)
	settings.Define(settings.Def{Key: settingRiskCount, Group: "quota", Type: settings.TypeInt, Default: 20,
		Min: settings.Bound(0), Max: settings.Bound(100000)})
	settings.Define(settings.Def{Key: settingRiskWindow, Group: "quota", Type: settings.TypeDuration, Default: 10 * time.Minute,
		Min: settings.Bound(int64(time.Second)), Max: settings.Bound(int64(30 * 24 * time.Hour))})
	settings.Define(settings.Def{Key: settingRiskIncomingWindow, Group: "quota", Type: settings.TypeDuration, Default: 24 * time.Hour,
		Min: settings.Bound(int64(time.Second)), Max: settings.Bound(int64(30 * 24 * time.Hour))})
}
