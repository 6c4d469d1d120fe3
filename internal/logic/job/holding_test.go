package job_test

import (
	"testing"
	"time"

	"kami/internal/testkit"
)

// TestSharedClockHolding: the scheduler fires nothing while the shared clock is frozen or a test
// holds the schedules on a running clock (HoldSchedules, which a camel test needs: a scheduled
// camel_oil.login logged in an account between its creation and the test setting it online),
// and fires again once RunSchedules asks for it or the hold ends with its test.
func TestSharedClockHolding(t *testing.T) {
	clk := testkit.SharedClock{}
	if clk.Holding() {
		t.Fatal("held with no key set")
	}
	t.Run("hold", func(t *testing.T) {
		clk.HoldSchedules(t)
		if !clk.Holding() {
			t.Fatal("HoldSchedules did not hold")
		}
		clk.RunSchedules(t)
		if clk.Holding() {
			t.Fatal("RunSchedules did not lift the hold")
		}
		clk.Release(t)
		if !clk.Holding() {
			t.Fatal("Release of the clock ended the test's hold")
		}
	})
	if clk.Holding() {
		t.Fatal("the hold outlived its test")
	}
	clk.Freeze(t, time.Now())
	if !clk.Holding() {
		t.Fatal("a frozen clock did not hold")
	}
	clk.Release(t)
	if clk.Holding() {
		t.Fatal("held after Release")
	}
}
