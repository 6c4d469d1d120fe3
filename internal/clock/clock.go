// Package clock is where time comes from for rules that depend on it (schedules today; expiry
// and retention rules as they move over). Services take a Clock at boot instead of calling
// time.Now, so tests move time instead of sleeping.
package clock

import (
	"sync"
	"time"
)

// Clock tells the time.
type Clock interface {
	Now() time.Time
}

type system struct{}

func (system) Now() time.Time { return time.Now() }

// System is the real clock, the default everywhere.
var System Clock = system{}

// Fake is a clock a test sets and moves; it does not run by itself.
type Fake struct {
	mu sync.Mutex
	t  time.Time
}

// NewFake returns a fake clock showing t.
func NewFake(t time.Time) *Fake { return &Fake{t: t} }

func (f *Fake) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

// Set shows t from now on.
func (f *Fake) Set(t time.Time) {
	f.mu.Lock()
	f.t = t
	f.mu.Unlock()
}

// Advance moves the clock forward by d.
func (f *Fake) Advance(d time.Duration) {
	f.mu.Lock()
	f.t = f.t.Add(d)
	f.mu.Unlock()
}

// Holder is a clock that can hold the schedules: while Holding is true the job scheduler fires
// nothing and slots that fall due meanwhile are skipped, not caught up. A test clock holds them
// while a test moves time by hand, so a scheduled run cannot act behind the test's back between
// two of its steps; the system clock never holds. NowHolding answers both from one reading:
// the time read before a test releases its clock and the hold read after it would fire, on the
// released clock, every slot the test's moves made due.
type Holder interface {
	NowHolding() (now time.Time, held bool)
}
