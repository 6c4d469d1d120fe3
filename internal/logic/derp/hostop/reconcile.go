package hostop

import (
	"context"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/dao"
	"kami/internal/logic/derp/host"
	"kami/internal/model/do"
	"kami/internal/model/entity"
)

// reconcile compares the host's managed containers with the rows (§8): it removes orphans (no
// row, or a terminal or to-be-removed one), queues a converge for every desired-running container
// that is missing or not running, and recomputes container_count.
func (w *Worker) reconcile(ctx context.Context, op *entity.DerpHostOps) outcome {
	srv, err := loadServer(ctx, op.ServerId)
	if err != nil {
		return outcome{err: err}
	}
	if srv.HostState != "ready" {
		return outcome{wait: waitNotReady, reason: "host " + srv.HostState}
	}
	t, err := target(srv)
	if err != nil {
		return outcome{err: err}
	}
	d := host.Docker{Runner: w.Runner}
	listed, err := d.List(ctx, t)
	if err != nil {
		return outcome{err: err}
	}
	var rows []*entity.DerpContainers
	if err := dao.DerpContainers.Ctx(ctx).Where("server_id", srv.Id).Scan(&rows); err != nil {
		return outcome{err: err}
	}
	known := make(map[int64]*entity.DerpContainers, len(rows))
	for _, r := range rows {
		known[r.Id] = r
	}
	onHost := make(map[int64]string, len(listed))
	for _, l := range listed {
		r := known[l.CID]
		if r == nil || r.State == "removed" || r.State == "abandoned" || r.Desired == "removed" {
			if err := d.Remove(ctx, t, l.CID); err != nil {
				return outcome{err: err}
			}
			continue
		}
		onHost[l.CID] = l.State
	}
	live := 0
	for _, r := range rows {
		if r.State == "removed" || r.State == "abandoned" {
			continue
		}
		live++
		if r.Desired != "running" || r.State == "failed" || onHost[r.Id] == "running" {
			continue
		}
		if err := w.enqueueConverge(ctx, r); err != nil {
			return outcome{err: err}
		}
	}
	_, err = dao.DerpServers.Ctx(ctx).Data(g.Map{"container_count": live}).WherePri(srv.Id).Update()
	return outcome{err: err}
}

// enqueueConverge queues a converge unless one is already waiting for the container.
func (w *Worker) enqueueConverge(ctx context.Context, c *entity.DerpContainers) error {
	n, err := dao.DerpHostOps.Ctx(ctx).Where("container_id", c.Id).Where("op", "converge").
		WhereIn("state", []string{"pending", "running"}).Count()
	if err != nil || n > 0 {
		return err
	}
	_, err = dao.DerpHostOps.Ctx(ctx).Data(do.DerpHostOps{ServerId: c.ServerId, ContainerId: c.Id, Op: "converge",
		TargetGen: c.OpGen, State: "pending", NextRunAt: gt(w.now())}).Insert()
	return err
}
