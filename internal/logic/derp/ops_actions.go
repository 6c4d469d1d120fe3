package derp

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/utility/dbx"
)

// ContainerRestart recreates a container on the same port: its token_gen moves up (the spec
// label differs, so converge runs rm -f + run with a fresh admission token) and a converge is
// queued, in one transaction; the host is touched after the commit (§13).
func (s *sDerp) ContainerRestart(ctx context.Context, req *v1.ContainerRestartReq) (*v1.ContainerRestartRes, error) {
	var op *entity.DerpHostOps
	var rentalID int64
	err := dao.DerpContainers.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		cc := dao.DerpContainers.Columns()
		var c *entity.DerpContainers
		if err := dao.DerpContainers.Ctx(ctx).WherePri(req.Id).Scan(&c); err != nil && !dbx.IsNoRows(err) {
			return err
		}
		if c == nil {
			return errs.NotFound.New()
		}
		n, err := dao.DerpContainers.Ctx(ctx).Data(cc.TokenGen+" = "+cc.TokenGen+" + 1").WherePri(c.Id).
			Where(cc.Desired, containerRunning).WhereNotIn(cc.State, []string{"removed", "abandoned", "failed"}).
			UpdateAndGetAffected()
		if err != nil {
			return err
		}
		if n != 1 {
			return errs.DerpInvalidState.New()
		}
		if err = queueConverge(ctx, []int64{c.Id}); err != nil {
			return err
		}
		rentalID = c.RentalId
		oc := dao.DerpHostOps.Columns()
		return dao.DerpHostOps.Ctx(ctx).Where(oc.ContainerId, c.Id).Where(oc.State, "pending").OrderDesc(oc.Id).Limit(1).Scan(&op)
	})
	if err != nil {
		return nil, err
	}
	s.invalidateAdmission(ctx, rentalID) // the old token (token_gen) no longer admits
	it := hostOpItem(op)
	return &it, nil
}

// HostOpRetry puts a dead op back in the queue, due now with its attempts reset; a container
// the op failed goes back to pending so derp.placement leaves it alone while it is retried.
func (s *sDerp) HostOpRetry(ctx context.Context, req *v1.HostOpRetryReq) (*v1.HostOpRetryRes, error) {
	var op *entity.DerpHostOps
	err := dao.DerpHostOps.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		oc := dao.DerpHostOps.Columns()
		if err := dao.DerpHostOps.Ctx(ctx).WherePri(req.Id).Scan(&op); err != nil && !dbx.IsNoRows(err) {
			return err
		}
		if op == nil {
			return errs.NotFound.New()
		}
		n, err := dao.DerpHostOps.Ctx(ctx).Data(map[string]any{oc.State: "pending", oc.Attempts: 0, oc.LastError: "",
			oc.NextRunAt: gtime.NewFromTime(s.now()), oc.LeaseOwner: "", oc.LeaseUntil: nil}).WherePri(op.Id).
			Where(oc.State, "dead").UpdateAndGetAffected()
		if err != nil {
			return err
		}
		if n != 1 {
			return errs.DerpInvalidState.New()
		}
		if op.ContainerId > 0 {
			cc := dao.DerpContainers.Columns()
			if _, err = dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{State: containerPending}).WherePri(op.ContainerId).
				Where(cc.State, "failed").WhereNot(cc.Desired, "removed").Update(); err != nil {
				return err
			}
		}
		return dao.DerpHostOps.Ctx(ctx).WherePri(op.Id).Scan(&op)
	})
	if err != nil {
		return nil, err
	}
	it := hostOpItem(op)
	return &it, nil
}

// AlertAck acknowledges an open alert (open → acked, guarded).
func (s *sDerp) AlertAck(ctx context.Context, req *v1.AlertAckReq) (*v1.AlertAckRes, error) {
	ac := dao.DerpAlerts.Columns()
	data := do.DerpAlerts{State: "acked", AckedAt: gtime.NewFromTime(s.now())}
	if p := principal.From(ctx); p != nil {
		data.AckedBy = p.UserID
	}
	n, err := dao.DerpAlerts.Ctx(ctx).Data(data).WherePri(req.Id).Where(ac.State, "open").UpdateAndGetAffected()
	if err != nil {
		return nil, err
	}
	var a *entity.DerpAlerts
	if err := dao.DerpAlerts.Ctx(ctx).WherePri(req.Id).Scan(&a); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if a == nil {
		return nil, errs.NotFound.New()
	}
	if n != 1 {
		return nil, errs.DerpInvalidState.New()
	}
	it := alertItem(a)
	return &it, nil
}
