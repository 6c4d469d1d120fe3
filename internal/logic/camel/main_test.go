package camel_test

import (
	"testing"

	"kami/internal/testkit"
)

// The shared clock lets the daily-reset test cross 00:00 Asia/Shanghai without waiting.
func TestMain(m *testing.M) { testkit.Main(m, testkit.WithSharedClock()) }
