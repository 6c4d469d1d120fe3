package openapi_test

import (
	"testing"

	"kami/internal/testkit"
)

// The shared clock moves verifications past an expiry, a rotation grace or a ban.
func TestMain(m *testing.M) { testkit.Main(m, testkit.WithSharedClock()) }
