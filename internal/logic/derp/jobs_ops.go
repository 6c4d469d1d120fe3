package derp

import (
	"context"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/service"
)

// The host side's jobs (§10, derp-ops). Each runs once per schedule across nodes; host work
// they need is either queued as ops (reconcile, placement) or one exec per server after the
// rows are read (traffic, probes), never inside a transaction (§13).
func init() {
	job.Register(job.Def{Name: "derp.reconcile", Description: "Queue a reconcile of every ready DERP host (orphans, missing containers, counts)",
		DefaultSchedule: "@every 30m", Run: func(ctx context.Context) (int, error) { return service.Derp().ReconcileServers(ctx) }})
	job.Register(job.Def{Name: "derp.placement", Description: "Re-place failed, down and removing-server DERP containers; fill degraded rentals",
		DefaultSchedule: "@every 5m", Run: func(ctx context.Context) (int, error) { return service.Derp().RunPlacement(ctx) }})
	job.Register(job.Def{Name: "derp.traffic", Description: "Read DERP container and host traffic counters, one exec per server",
		DefaultSchedule: "@every 5m", Run: func(ctx context.Context) (int, error) { return service.Derp().RunTraffic(ctx) }})
	job.Register(job.Def{Name: "derp.month_reset", Description: "Start DERP servers' traffic month on their billing day",
		DefaultSchedule: "0 5 0 * * *", Run: func(ctx context.Context) (int, error) { return service.Derp().ResetMonths(ctx) }})
	job.Register(job.Def{Name: "derp.probe", Description: "Probe DERP containers (HTTPS pin, STUN) and hosts (docker over SSH)",
		DefaultSchedule: "@every 1m", Run: func(ctx context.Context) (int, error) { return service.Derp().RunProbes(ctx) }})
}

// ReconcileServers queues a reconcile op for each ready server not removed (§8); one already
// waiting is not doubled.
func (s *sDerp) ReconcileServers(ctx context.Context) (int, error) {
	cols := dao.DerpServers.Columns()
	ids, err := dao.DerpServers.Ctx(ctx).Fields(cols.Id).WhereNot(cols.State, srvRemoved).
		Where(cols.HostState, "ready").OrderAsc(cols.Id).Array()
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		if _, err := s.srvEnqueue(ctx, id.Int64(), "reconcile"); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}
