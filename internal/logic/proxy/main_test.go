package proxy_test

import (
	"testing"

	"kami/internal/testkit"
)

// The shared clock lets the reconcile tests move past its 10- and 30-minute rules.
func TestMain(m *testing.M) { testkit.Main(m, testkit.WithSharedClock()) }
