package payment

import (
	"time"

	"kami/internal/logic/settings"
	"kami/internal/service"
)

// Settings of the payment module (系统配置 > 支付设置). Amounts are units.
const (
	settingChannels   = "payment.channels"
	settingMinAmount  = "payment.minAmount"
	settingMaxAmount  = "payment.maxAmount"
	settingTimeout    = "payment.orderTimeout"
	settingQueryAfter = "payment.queryAfter"
	// settingNotifyBase is the public base URL the providers call back (…/api/payment/notify/<channel>).
	settingNotifyBase = "payment.notifyBaseUrl"
)

func init() {
	settings.Define(settings.Def{Key: settingChannels, Group: "payment", Type: settings.TypeStrings, Default: []string{}})
	units := func(key string, def int64) {
		settings.Define(settings.Def{Key: key, Group: "payment", Type: settings.TypeInt, Default: def,
			Min: settings.Bound(1), Max: settings.Bound(100_000_000_000)})
	}
	units(settingMinAmount, 100)       // 1 元
	units(settingMaxAmount, 5_000_000) // 50,000 元
	settings.Define(settings.Def{Key: settingTimeout, Group: "payment", Type: settings.TypeDuration, Default: 30 * time.Minute,
		Min: settings.Bound(int64(time.Minute)), Max: settings.Bound(int64(24 * time.Hour))})
	settings.Define(settings.Def{Key: settingQueryAfter, Group: "payment", Type: settings.TypeDuration, Default: time.Minute,
		Min: settings.Bound(int64(time.Second)), Max: settings.Bound(int64(24 * time.Hour))})
	settings.Define(settings.Def{Key: settingNotifyBase, Group: "payment", Type: settings.TypeString, Default: ""})
}

// enabled reports whether the channel is switched on.
func enabled(channel string) bool {
	for _, c := range service.Settings().Strings(settingChannels) {
		if c == channel {
			return true
		}
	}
	return false
}
