// Package derp rents Tailscale DERP relays by serial number (spec/derp.md): plans, tiers,
// distributors, customers (users of the role member), serials, orders and rentals. The host
// adapter (host), the derpMap rendering (acl) and the admission token (admit) are sub-packages;
// this package writes only rows, and host work happens after commit (§4, §13).
package derp

import (
	"sync/atomic"
	"time"

	"kami/internal/clock"
	"kami/internal/service"
)

type sDerp struct {
	clock atomic.Pointer[clock.Clock]
}

func init() {
	service.RegisterDerp(New())
}

// New returns the service on the system clock.
func New() *sDerp {
	s := &sDerp{}
	s.SetClock(clock.System)
	return s
}

// SetClock hands the service its clock: every term, expiry and claim window reads it.
func (s *sDerp) SetClock(c clock.Clock) { s.clock.Store(&c) }

func (s *sDerp) now() time.Time { return (*s.clock.Load()).Now().UTC().Truncate(time.Second) }
