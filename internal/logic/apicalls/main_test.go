package apicalls_test

import (
	"testing"

	"kami/internal/testkit"
)

// The tests hand the call log a fake clock of its own (the day a call counts on); the rest of
// the server keeps the real one.
func TestMain(m *testing.M) { testkit.Main(m) }
