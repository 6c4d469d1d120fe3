package derp_test

import (
	"testing"

	"kami/internal/testkit"
)

// The shared clock: terms and serial lives are tested by moving it.
func TestMain(m *testing.M) { testkit.Main(m, testkit.WithSharedClock()) }
