package outbox

import (
	"context"
	"testing"
	"time"

	"kami/internal/service"
)

// Hooks for the tests of this package (package outbox_test, which boots the real server).

// LeaseFor is how long a claim holds an event.
const LeaseFor = leaseFor

func instance() *sOutbox { return service.Outbox().(*sOutbox) }

// SetClock makes this node's outbox read the time from now until the test ends.
func SetClock(t testing.TB, now func() time.Time) {
	s := instance()
	old := s.clock.Swap(&now)
	t.Cleanup(func() { s.clock.Store(old) })
}

// SetSender makes this node's outbox post through snd until the test ends.
func SetSender(t testing.TB, snd Sender) {
	s := instance()
	old := s.sender.Swap(&snd)
	t.Cleanup(func() { s.sender.Store(old) })
}

// RunOnce runs one worker pass on this node now and waits for the attempts it started. The
// poll loop keeps running beside it; both claim under the same rules.
func RunOnce(ctx context.Context) {
	_, wait := instance().pass(ctx)
	wait()
}

// Stopping reports whether a Stop is waiting for attempts in flight on this node.
func Stopping() bool {
	s := instance()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopping
}
