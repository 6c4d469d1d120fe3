package relay

import (
	"kami/internal/adapter/openaicompat"
	"kami/internal/logic/settings"
	"kami/internal/service"
)

// The relay.* settings (§7), live on every node through the settings service. The pipeline
// still reads some of them as constants (relay.go); the admin side reads maxTokensPerUser here.
const (
	keyMaxTokensPerUser = "relay.maxTokensPerUser"
)

func init() {
	num := func(key string, def, lo, hi int64) {
		settings.Define(settings.Def{Key: "relay." + key, Group: "relay", Type: settings.TypeInt, Default: def,
			Min: settings.Bound(lo), Max: settings.Bound(hi)})
	}
	num("retryTimes", defaultRetryTimes, 0, 5)
	num("defaultCompletionReserve", defaultCompletionReserve, 1, 1<<20)
	num("maxStreamDurationS", 1800, 10, 86400)
	num("firstByteTimeoutS", int64(firstByteTimeout.Seconds()), 1, 600)
	num("idleTimeoutS", 90, 1, 3600)
	num("coolThreshold", 3, 1, 100)
	num("coolBaseS", 60, 1, 3600)
	num("coolMaxS", 900, 1, 86400)
	num("disableAfterTrips", 5, 1, 100)
	num("recoverSuccesses", 2, 1, 10)
	num("logRetentionDays", 90, 1, 3650)
	num("maxTokensPerUser", 50, 1, 10000)
	settings.Define(settings.Def{Key: "relay.emptyAbortBilling", Group: "relay", Type: settings.TypeString,
		Default: "none", Enum: []string{"none", "prompt"}})
	settings.Define(settings.Def{Key: "relay.orphanPolicy", Group: "relay", Type: settings.TypeString,
		Default: "release", Enum: []string{"release", "prompt"}})
	settings.Define(settings.Def{Key: "relay.fatalKeywords", Group: "relay", Type: settings.TypeStrings,
		Default: append([]string(nil), openaicompat.DefaultFatalKeywords...)})
}

// maxTokensPerUser is the live relay.maxTokensPerUser.
func maxTokensPerUser() int64 { return service.Settings().Int(keyMaxTokensPerUser) }
