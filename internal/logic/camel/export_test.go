package camel

import (
	"testing"
	"time"

	"kami/internal/adapter/camelplatform"
	"kami/internal/service"
)

// ShortenPlatformTimeout makes this process's platform client give up after d instead of the
// contract's 8 s until the test ends, so a test of the timeout path takes a fraction of a
// second; the client is otherwise the real one, aimed by the settings.
func ShortenPlatformTimeout(t testing.TB, d time.Duration) {
	s := service.Camel().(*sCamel)
	old := s.adapters.platform.Load()
	c := camelplatform.New(func() string { return service.Settings().String(SettingPlatformBaseURL) })
	c.HTTP.Timeout = d
	var p platform = c
	s.adapters.platform.Store(&p)
	t.Cleanup(func() { s.adapters.platform.Store(old) })
}
