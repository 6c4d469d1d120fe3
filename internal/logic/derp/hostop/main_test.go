package hostop_test

import (
	"testing"

	"kami/internal/testkit"
)

func TestMain(m *testing.M) { testkit.Main(m) }
