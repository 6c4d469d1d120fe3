// Package card is the card platform's batches and cards (卡密, seed 001 §3): generating a
// batch of keys paid through the ledger, exporting them, and the admin side of a card's life —
// disable and enable (one card, a selection, a whole batch), unbind, the expiry job, lists and
// details scoped by role. Keys are never stored in the clear: a keyed hash finds a card, a
// sealed copy is read back only by the export.
package card

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/clock"
	"kami/internal/consts"
	"kami/internal/principal"
	"kami/internal/service"
)

type sCard struct {
	clock atomic.Pointer[clock.Clock]
}

func init() {
	service.RegisterCard(New())
}

// New returns the service on the system clock.
func New() *sCard {
	s := &sCard{}
	s.SetClock(clock.System)
	return s
}

// SetClock is how boot (or a test) hands the service its clock: activation windows, unbind
// cooldowns and the expiry job are measured on it.
func (s *sCard) SetClock(c clock.Clock) { s.clock.Store(&c) }

// now is the service's time in UTC whole seconds, as DATETIME columns keep it.
func (s *sCard) now() *gtime.Time {
	return gtime.NewFromTime((*s.clock.Load()).Now().UTC().Truncate(time.Second))
}

func auditInTx(ctx context.Context, tx gdb.TX) error { return service.Middleware().AuditInTx(ctx, tx) }

// staff reports whether the caller is a role that owns cards: the super-admin, an agent-admin
// or an agent (a DERP member has none).
func staff(ctx context.Context) (*principal.Principal, bool) {
	p := principal.From(ctx)
	if p == nil {
		return nil, false
	}
	switch p.Role {
	case consts.RoleSuperAdmin, consts.RoleAgentAdmin, consts.RoleAgent:
		return p, true
	}
	return p, false
}
