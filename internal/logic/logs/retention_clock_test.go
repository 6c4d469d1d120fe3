package logs_test

import (
	"context"
	"testing"
	"time"

	"kami/internal/dao"
	"kami/internal/testkit"
)

// Retention counts age on the service's clock: a row written now stays through a run, and once
// the clock is moved past kami.logRetention the next run archives and deletes it.
func TestRetentionFollowsTheClock(t *testing.T) {
	env := testkit.Current()
	module := testkit.UniqueName("c")
	id := addLogin(t, 0, module, 0, time.Now())
	left := func() int {
		n, err := dao.LoginLogs.Ctx(context.Background()).WherePri(id).Count()
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	var clk testkit.SharedClock
	clk.Freeze(t, time.Now())
	t.Cleanup(func() { clk.Release(t) })

	steps := []struct {
		name    string
		advance time.Duration
		want    int
	}{
		{"a day old", 24 * time.Hour, 1},
		{"past the retention", testkit.Config().LogRetention, 0},
	}
	for _, st := range steps {
		clk.Advance(t, st.advance)
		// Logged in at the moved time: a token from before would have expired on this clock.
		if run := env.Admin(t).RunJob(t, "log.retention"); run.Status != "success" {
			t.Fatalf("%s: run %+v", st.name, run)
		}
		if got := left(); got != st.want {
			t.Fatalf("%s: %d rows left, want %d", st.name, got, st.want)
		}
	}
}
