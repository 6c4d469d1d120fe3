package authorization_test

import (
	"testing"

	"kami/internal/testkit"
)

// The shared clock lets the expiry tests move to an end time instead of waiting for it.
func TestMain(m *testing.M) { testkit.Main(m, testkit.WithSharedClock()) }
