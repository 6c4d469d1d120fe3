package testkit

import (
	"context"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/infra/redisx"
)

// sharedClockEnv, set to "1" in a second node's environment, makes that node read the shared
// test clock too, so both nodes of a test see the same "now".
const sharedClockEnv = "KAMI_TEST_SHARED_CLOCK"

// SharedClock is a test clock all processes of one test binary share through a Redis key (the
// binary's key prefix keeps it apart from other runs). While the key is unset it shows the real
// time; Freeze, Advance and Release move it for every node at once. The services that take a
// clock at boot (the scheduler) read it when the binary's TestMain asks for it (WithSharedClock).
type SharedClock struct{}

// The keys share a hash slot ({testclock}) so MGET and DEL work on a Redis Cluster.
func (SharedClock) key() string { return redisx.Key("{testclock}") }

// Now is the shared time, or the real time when it is not frozen (or Redis does not answer).
func (c SharedClock) Now() time.Time {
	v, err := g.Redis().Do(context.Background(), "GET", c.key())
	if err != nil || v.IsNil() {
		return time.Now()
	}
	return time.Unix(0, v.Int64())
}

// schedKey, while set, lets the scheduler follow the frozen clock (RunSchedules).
func (SharedClock) schedKey() string { return redisx.Key("{testclock}", "schedules") }

// Holding tells the job scheduler to fire nothing while the time is frozen: a test that moves
// the clock runs the jobs it needs itself (Client.RunJob), and a scheduled run falling due on a
// moved clock cannot act between two of its steps. RunSchedules lifts the hold for a test of
// the scheduler itself.
func (c SharedClock) Holding() bool {
	_, held := c.NowHolding()
	return held
}

// NowHolding reads the time and the hold together (clock.Holder), in one MGET.
func (c SharedClock) NowHolding() (time.Time, bool) {
	v, err := g.Redis().Do(context.Background(), "MGET", c.key(), c.schedKey(), c.holdKey(), c.binaryHoldKey())
	if err != nil {
		return time.Now(), false
	}
	vals := v.Strings()
	if len(vals) != 4 {
		return time.Now(), false
	}
	now := time.Now()
	if vals[0] != "" {
		ns, err := strconv.ParseInt(vals[0], 10, 64)
		if err != nil {
			return now, false
		}
		now = time.Unix(0, ns)
	}
	return now, (vals[0] != "" || vals[2] != "" || vals[3] != "") && vals[1] == ""
}

// binaryHoldKey holds the schedules for the whole test binary (WithHeldSchedules).
func (SharedClock) binaryHoldKey() string { return redisx.Key("{testclock}", "binary-hold") }

// holdKey, while set, holds the schedules on a running clock (HoldSchedules).
func (SharedClock) holdKey() string { return redisx.Key("{testclock}", "hold") }

// HoldSchedules fires no scheduled job until t ends while the time keeps running: for a test
// whose rows a job would act on between two of its steps (camel_oil.login picks up an account
// created pending_login before the test sets it online), and that runs what it needs itself.
func (c SharedClock) HoldSchedules(t interface {
	testingT
	Cleanup(func())
}) {
	t.Helper()
	if _, err := g.Redis().Do(context.Background(), "SET", c.holdKey(), 1); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = g.Redis().Do(context.Background(), "DEL", c.holdKey()) })
}

// RunSchedules lets the scheduler follow the frozen shared time (moving it makes slots fall
// due) until Release.
func (c SharedClock) RunSchedules(t testingT) {
	t.Helper()
	if _, err := g.Redis().Do(context.Background(), "SET", c.schedKey(), 1); err != nil {
		t.Fatal(err)
	}
}

// Freeze stops the shared time at t until Release; the schedules are held meanwhile (Holding).
func (c SharedClock) Freeze(t testingT, at time.Time) {
	t.Helper()
	if _, err := g.Redis().Do(context.Background(), "SET", c.key(), at.UnixNano()); err != nil {
		t.Fatal(err)
	}
}

// Advance moves the frozen shared time forward by d.
func (c SharedClock) Advance(t testingT, d time.Duration) {
	t.Helper()
	if _, err := g.Redis().Do(context.Background(), "INCRBY", c.key(), d.Nanoseconds()); err != nil {
		t.Fatal(err)
	}
}

// Release lets the shared time run as the real time again.
func (c SharedClock) Release(t testingT) {
	t.Helper()
	if _, err := g.Redis().Do(context.Background(), "DEL", c.key(), c.schedKey()); err != nil {
		t.Fatal(err)
	}
}

type testingT interface {
	Helper()
	Fatal(args ...any)
}
