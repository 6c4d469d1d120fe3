package project_test

import (
	"testing"

	"kami/internal/testkit"
)

// The shared clock lets the rotation tests move past a grace period instead of waiting.
func TestMain(m *testing.M) { testkit.Main(m, testkit.WithSharedClock()) }
