package proxy_test

import (
	"testing"

	"kami/internal/testkit"
)

// The shared clock lets the reconcile tests move past its 10- and 30-minute rules; no job runs
// on a schedule unless a test asks (RunSchedules): the tests fault the upstream by the call.
func TestMain(m *testing.M) { testkit.Main(m, testkit.WithHeldSchedules()) }
