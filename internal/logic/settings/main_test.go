package settings_test

import (
	"testing"
	"time"

	"kami/internal/logic/settings"
	"kami/internal/testkit"
)

// Settings only this test binary defines (the second node is the same binary, so it has them).
func init() {
	settings.Define(settings.Def{Key: "test.limit", Type: settings.TypeInt, Default: 5, Min: settings.Bound(1), Max: settings.Bound(100)})
	settings.Define(settings.Def{Key: "test.window", Type: settings.TypeDuration, Default: 15 * time.Minute, Min: settings.Bound(int64(time.Second))})
	settings.Define(settings.Def{Key: "test.mode", Type: settings.TypeString, Default: "fast", Enum: []string{"fast", "safe"}})
	settings.Define(settings.Def{Key: "test.token", Type: settings.TypeString, Default: "", Secret: true})
	settings.Define(settings.Def{Key: "test.hosts", Type: settings.TypeStrings, Default: []string{}})
	settings.Define(settings.Def{Key: "test.enabled", Type: settings.TypeBool, Default: true, RestartRequired: true, Group: "other"})
	settings.Define(settings.Def{Key: "test.rule", Type: settings.TypeJSON, Default: map[string]int{"x": 1}})
}

func TestMain(m *testing.M) { testkit.Main(m) }
