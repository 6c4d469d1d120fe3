package testkit

import (
	"context"
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

func (SharedClock) key() string { return redisx.Key("testclock") }

// Now is the shared time, or the real time when it is not frozen (or Redis does not answer).
func (c SharedClock) Now() time.Time {
	v, err := g.Redis().Do(context.Background(), "GET", c.key())
	if err != nil || v.IsNil() {
		return time.Now()
	}
	return time.Unix(0, v.Int64())
}

// Freeze stops the shared time at t until Release.
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
	if _, err := g.Redis().Do(context.Background(), "DEL", c.key()); err != nil {
		t.Fatal(err)
	}
}

type testingT interface {
	Helper()
	Fatal(args ...any)
}
