package payment_test

import (
	"testing"

	"kami/internal/testkit"
)

// The shared clock lets the timeout tests move past an order's expiry instead of waiting.
func TestMain(m *testing.M) { testkit.Main(m, testkit.WithSharedClock()) }
