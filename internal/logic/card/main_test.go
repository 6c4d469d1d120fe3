package card_test

import (
	"testing"

	"kami/internal/testkit"
)

// The shared clock lets the lifecycle tests move past an expiry or a cooldown instead of
// waiting for it.
func TestMain(m *testing.M) { testkit.Main(m, testkit.WithSharedClock()) }
