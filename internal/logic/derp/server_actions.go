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
	"kami/internal/timefmt"
)

// srvTransition moves a server from one of from to `to` by a conditional UPDATE that must hit
// exactly 1 row (§4); anything else is 404 or DERP_INVALID_STATE.
func (s *sDerp) srvTransition(ctx context.Context, id int64, from []string, data do.DerpServers) error {
	n, err := dao.DerpServers.Ctx(ctx).Data(data).WherePri(id).WhereIn(dao.DerpServers.Columns().State, from).
		UpdateAndGetAffected()
	if err != nil {
		return err
	}
	if n == 1 {
		return nil
	}
	if _, err := srvByID(ctx, id); err != nil {
		return err
	}
	return errs.DerpInvalidState.New()
}

// ServerDrain stops new placements on a host; its containers keep serving.
func (s *sDerp) ServerDrain(ctx context.Context, req *v1.ServerDrainReq) (*v1.ServerDrainRes, error) {
	if err := s.srvTransition(ctx, req.Id, []string{srvActive}, do.DerpServers{State: srvDraining}); err != nil {
		return nil, err
	}
	return s.srvItemByID(ctx, req.Id)
}

// ServerUndrain lets a drained host take placements again.
func (s *sDerp) ServerUndrain(ctx context.Context, req *v1.ServerUndrainReq) (*v1.ServerUndrainRes, error) {
	if err := s.srvTransition(ctx, req.Id, []string{srvDraining}, do.DerpServers{State: srvActive}); err != nil {
		return nil, err
	}
	return s.srvItemByID(ctx, req.Id)
}

// ServerDelete retires a host (soft). With live containers it becomes removing, and
// derp.placement moves its rentals off it before their containers are removed; a host without
// any, or force, is removed at once (force abandons its containers on the spot, for a host that
// is gone for good).
func (s *sDerp) ServerDelete(ctx context.Context, req *v1.ServerDeleteReq) (*v1.ServerDeleteRes, error) {
	live := []string{srvActive, srvDraining, srvOverQuota}
	if req.Force {
		live = append(live, srvRemoving)
	}
	err := dao.DerpServers.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		ccols := dao.DerpContainers.Columns()
		n, err := dao.DerpContainers.Ctx(ctx).Where(ccols.ServerId, req.Id).
			WhereNotIn(ccols.State, []string{"removed", "abandoned"}).Count()
		if err != nil {
			return err
		}
		now := gtime.NewFromTime(s.now())
		if n > 0 && !req.Force {
			return s.srvTransition(ctx, req.Id, live, do.DerpServers{State: srvRemoving})
		}
		if err := s.srvTransition(ctx, req.Id, live, do.DerpServers{State: srvRemoved, RemovedAt: now, ContainerCount: 0}); err != nil {
			return err
		}
		if n > 0 {
			_, err = dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{State: "abandoned", RemovedAt: now}).
				Where(ccols.ServerId, req.Id).WhereNotIn(ccols.State, []string{"removed", "abandoned"}).Update()
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return s.srvItemByID(ctx, req.Id)
}

// ServerConfirmHostKey confirms the key learned on first use, or (after a mismatch: a
// reinstalled host) accepts the new key S read from the console, and queues a prepare.
func (s *sDerp) ServerConfirmHostKey(ctx context.Context, req *v1.ServerConfirmHostKeyReq) (*v1.ServerConfirmHostKeyRes, error) {
	cur, err := srvByID(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if cur.State == srvRemoved || req.HostKeySha256 == "" && cur.SshHostkeySha256 == "" {
		return nil, errs.DerpInvalidState.New() // nothing learned yet: nothing to confirm
	}
	data := do.DerpServers{HostkeyTofu: 0}
	requeue := req.HostKeySha256 != "" && req.HostKeySha256 != cur.SshHostkeySha256
	if req.HostKeySha256 != "" {
		data.SshHostkeySha256 = req.HostKeySha256
	}
	if requeue || cur.HostState == srvHostError {
		data.HostState, data.LastError = srvHostPend, ""
		requeue = true
	}
	err = dao.DerpServers.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		if err := s.srvTransition(ctx, req.Id, []string{srvActive, srvDraining, srvOverQuota, srvRemoving}, data); err != nil {
			return err
		}
		if requeue {
			_, err := s.srvEnqueuePrepare(ctx, req.Id)
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.srvItemByID(ctx, req.Id)
}

// ServerPrepare queues the host's prepare; the host-op worker runs it after commit (§13).
func (s *sDerp) ServerPrepare(ctx context.Context, req *v1.ServerPrepareReq) (*v1.ServerPrepareRes, error) {
	cur, err := srvByID(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if cur.State == srvRemoving || cur.State == srvRemoved {
		return nil, errs.DerpInvalidState.New()
	}
	op, err := s.srvEnqueuePrepare(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	it := hostOpItem(op)
	return &it, nil
}

func hostOpItem(op *entity.DerpHostOps) v1.HostOpItem {
	return v1.HostOpItem{Id: op.Id, ServerId: op.ServerId, ContainerId: op.ContainerId, Op: op.Op, State: op.State,
		Attempts: op.Attempts, NextRunAt: timefmt.Format(op.NextRunAt), LastError: op.LastError,
		CreatedAt: timefmt.Format(op.CreatedAt)}
}

// ServerReconcile queues a reconcile of the host now (derp.reconcile does it every 30 min);
// a reconcile already waiting is returned instead of a second one.
func (s *sDerp) ServerReconcile(ctx context.Context, req *v1.ServerReconcileReq) (*v1.ServerReconcileRes, error) {
	cur, err := srvByID(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if cur.State == srvRemoved {
		return nil, errs.DerpInvalidState.New()
	}
	op, err := s.srvEnqueue(ctx, req.Id, "reconcile")
	if err != nil {
		return nil, err
	}
	it := hostOpItem(op)
	return &it, nil
}
