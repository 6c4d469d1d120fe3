package stats_test

import (
	"testing"

	"kami/internal/testkit"
)

// The shared clock lets the tests place facts on two days and move past a day's late grace.
func TestMain(m *testing.M) { testkit.Main(m, testkit.WithSharedClock()) }
