package user_test

import (
	"testing"

	"kami/internal/testkit"
)

// The shared clock lets a test move time (link expiry) instead of waiting or editing rows.
func TestMain(m *testing.M) { testkit.Main(m, testkit.WithSharedClock()) }
