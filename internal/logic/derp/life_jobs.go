package derp

import (
	"context"

	"kami/internal/logic/job"
	"kami/internal/service"
)

// afterID is the keyset cursor of the lifecycle scans. Written as an expression (id + 0) so the
// planner cannot use the primary key for it: a bare id > ? with ORDER BY id … LIMIT tempts
// SQLite (and MySQL's ordering-index heuristic) into walking every rental by id instead of
// seeking the (state, expires_at) index, which turns a scan with nothing due into a full pass.
const afterID = "id + 0 > ?"

// The lifecycle jobs of §10 (derp-life): reminders, deregistration, the 32-day ACL renewal and
// the pruning of raw rows. Each runs once per schedule across nodes (job.Register), and each is
// also safe when runs overlap: rows move by guarded UPDATEs and notices by their dedup keys.
func init() {
	job.Register(job.Def{Name: "derp.remind", Description: "Remind DERP customers 7, 3 and 1 days before a rental expires",
		DefaultSchedule: "0 0 * * * *", Run: func(ctx context.Context) (int, error) {
			return service.Derp().RemindRentals(ctx)
		}})
	job.Register(job.Def{Name: "derp.deregister",
		Description:     "Deregister DERP rentals expired 30 days and settled: containers removed, ACL revoked, history kept",
		DefaultSchedule: "0 20 * * * *", Run: func(ctx context.Context) (int, error) {
			return service.Derp().DeregisterRentals(ctx)
		}})
	job.Register(job.Def{Name: "derp.acl_regen", Description: "Regenerate the derpMap of active DERP rentals past its 32 days",
		DefaultSchedule: "0 40 * * * *", Run: func(ctx context.Context) (int, error) {
			return service.Derp().RegenerateLapsedAcls(ctx)
		}})
	job.Register(job.Def{Name: "derp.prune",
		Description:     "Prune DERP raw probes (14 d), traffic samples (7 d) and pending devices (30 d)",
		DefaultSchedule: "0 0 3 * * *", Run: func(ctx context.Context) (int, error) {
			return service.Derp().PruneRows(ctx)
		}})
}
