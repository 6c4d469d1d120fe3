package derp

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

// queueConverge is the intent of a desired change (§13: intent is rows): inside the caller's
// transaction each container's op_gen moves up by one and a converge op targeting that
// generation is queued, so the host worker acts only after the commit, and any older op of the
// container (a converge queued before this change) is superseded instead of run.
func (s *sDerp) queueConverge(ctx context.Context, _ gdb.TX, containerIDs []int64) error {
	return queueConverge(ctx, containerIDs)
}

func queueConverge(ctx context.Context, containerIDs []int64) error {
	if len(containerIDs) == 0 {
		return nil
	}
	cc, oc := dao.DerpContainers.Columns(), dao.DerpHostOps.Columns()
	if _, err := dao.DerpContainers.Ctx(ctx).Data(cc.OpGen+" = "+cc.OpGen+" + 1").WhereIn(cc.Id, containerIDs).
		Update(); err != nil {
		return err
	}
	if _, err := dao.DerpHostOps.Ctx(ctx).Data(do.DerpHostOps{State: "superseded"}).WhereIn(oc.ContainerId, containerIDs).
		Where(oc.Op, "converge").Where(oc.State, "pending").Update(); err != nil {
		return err
	}
	var cs []entity.DerpContainers
	if err := dao.DerpContainers.Ctx(ctx).Fields(cc.Id, cc.ServerId, cc.OpGen).WhereIn(cc.Id, containerIDs).
		Scan(&cs); err != nil && !dbx.IsNoRows(err) {
		return err
	}
	ops := make([]queued, 0, len(cs))
	for _, c := range cs {
		ops = append(ops, queued{ID: c.Id, ServerID: c.ServerId, Gen: c.OpGen})
	}
	return insertConverges(ctx, ops)
}

// queued is a container's converge to queue: its id, server and the op_gen it targets.
type queued struct {
	ID, ServerID int64
	Gen          int
}

// insertConverges queues one pending converge per container, in one INSERT.
func insertConverges(ctx context.Context, cs []queued) error {
	if len(cs) == 0 {
		return nil
	}
	now := gtime.NewFromTime(svc().now())
	rows := make([]do.DerpHostOps, 0, len(cs))
	for _, c := range cs {
		rows = append(rows, do.DerpHostOps{ServerId: c.ServerID, ContainerId: c.ID, Op: "converge", TargetGen: c.Gen,
			State: "pending", Attempts: 0, NextRunAt: now, CreatedAt: now})
	}
	_, err := dao.DerpHostOps.Ctx(ctx).Data(rows).Insert()
	return err
}

// liveContainerIDs are the rental's containers that a desired change concerns: not terminal
// and not failed (derp.placement replaces a failed one instead).
func liveContainerIDs(ctx context.Context, rentalIDs ...int64) ([]int64, error) {
	cc := dao.DerpContainers.Columns()
	vals, err := dao.DerpContainers.Ctx(ctx).Fields(cc.Id).WhereIn(cc.RentalId, rentalIDs).
		WhereNotIn(cc.State, []string{"removed", "abandoned", "failed"}).Array()
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	ids := make([]int64, 0, len(vals))
	for _, v := range vals {
		ids = append(ids, v.Int64())
	}
	return ids, nil
}
