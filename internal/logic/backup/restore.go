package backup

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/system/v1"
	"kami/internal/backup"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/db"
	"kami/internal/infra/keyring"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/internal/timefmt"
)

// A production restore (seed 001 §10.2) is asked for by one super-admin and approved by
// another. The backup goes into the empty database the request names, never over live data;
// the approval turns maintenance mode on first, so nothing written after the backup is taken
// for kept, and it stays on until the operator has pointed the nodes at the restored database.

const targetPurpose = "backup.restore.target"

// RestoreRequest records a pending request by the caller.
func (s *sBackup) RestoreRequest(ctx context.Context, req *v1.RestoreRequestCreateReq) (*v1.RestoreRequestCreateRes, error) {
	var b entity.Backups
	if err := dao.Backups.Ctx(ctx).WherePri(req.ID).Where(dao.Backups.Columns().Status, statusVerified).Scan(&b); err != nil || b.Id == 0 {
		return nil, errs.NotFound.New()
	}
	if _, err := targetNode(req.Target); err != nil {
		return nil, errs.InvalidInput.Msg(err.Error())
	}
	sealed, err := keyring.Seal(targetPurpose, []byte(req.Target))
	if err != nil {
		return nil, err
	}
	id, err := dao.RestoreRequests.Ctx(ctx).Data(do.RestoreRequests{BackupId: b.Id, Target: sealed, Reason: req.Reason,
		Status: "pending", RequestedBy: principal.From(ctx).UserID, CreatedAt: gtime.New(s.clock.Now().UTC())}).InsertAndGetId()
	if err != nil {
		return nil, err
	}
	service.Logs().Note(ctx, "backup", fmt.Sprintf("backup: restore request %d of %s by user %d", id, b.File, principal.From(ctx).UserID))
	it, err := s.request(ctx, id)
	if err != nil {
		return nil, err
	}
	return &v1.RestoreRequestCreateRes{RestoreRequestItem: *it}, nil
}

// Approve claims a pending request of another super-admin (a guarded update: two approvals at
// once run it once), turns maintenance mode on and restores.
func (s *sBackup) Approve(ctx context.Context, req *v1.RestoreRequestApproveReq) (*v1.RestoreRequestApproveRes, error) {
	me := principal.From(ctx).UserID
	var r entity.RestoreRequests
	if err := dao.RestoreRequests.Ctx(ctx).WherePri(req.ID).Scan(&r); err != nil || r.Id == 0 {
		return nil, errs.NotFound.New()
	}
	if r.RequestedBy == me {
		return nil, errs.RestoreSelfApproval.New()
	}
	cols := dao.RestoreRequests.Columns()
	res, err := dao.RestoreRequests.Ctx(ctx).WherePri(r.Id).Where(cols.Status, "pending").
		Data(do.RestoreRequests{Status: "running", ApprovedBy: me}).Update()
	if err != nil {
		return nil, err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return nil, errs.RestoreNotPending.New()
	}
	status, why := "done", ""
	if err = s.restore(ctx, r); err != nil {
		status, why = "failed", err.Error()
		g.Log().Errorf(ctx, "backup: restore request %d failed: %v", r.Id, err)
	} else {
		service.Logs().Note(ctx, "backup", fmt.Sprintf("backup: restore request %d approved by user %d, restored and verified", r.Id, me))
	}
	if _, err = dao.RestoreRequests.Ctx(ctx).WherePri(r.Id).Data(do.RestoreRequests{Status: status, Error: why,
		FinishedAt: gtime.New(s.clock.Now().UTC())}).Update(); err != nil {
		return nil, err
	}
	it, err := s.request(ctx, r.Id)
	if err != nil {
		return nil, err
	}
	return &v1.RestoreRequestApproveRes{RestoreRequestItem: *it}, nil
}

func (s *sBackup) restore(ctx context.Context, r entity.RestoreRequests) error {
	var b entity.Backups
	if err := dao.Backups.Ctx(ctx).WherePri(r.BackupId).Scan(&b); err != nil {
		return err
	}
	if b.Node != s.cfg().NodeID {
		return fmt.Errorf("the backup file is on node %s: approve there", b.Node)
	}
	link, err := keyring.Open(targetPurpose, r.Target)
	if err != nil {
		return err
	}
	node, err := targetNode(string(link))
	if err != nil {
		return err
	}
	key, err := backup.ParseKey(s.cfg().Backup.Key)
	if err != nil {
		return err
	}
	if _, err = service.Settings().Update(ctx, &v1.SettingsUpdateReq{Values: map[string]json.RawMessage{"maintenance.enabled": json.RawMessage("true")}}); err != nil {
		return err
	}
	target, err := gdb.New(*node)
	if err != nil {
		return err
	}
	defer target.Close(ctx)
	path := filepath.Join(s.dir(), b.File)
	_, err = backup.Restore(ctx, target, db.Dialect(), key, func() (io.ReadCloser, error) { return os.Open(path) })
	return err
}

// targetNode reads a restore target of the running dialect: a mysql: link or sqlite::@file(path).
func targetNode(link string) (*gdb.ConfigNode, error) {
	switch {
	case db.Dialect() == "mysql" && strings.HasPrefix(link, "mysql:"):
		return &gdb.ConfigNode{Link: link}, nil
	case db.Dialect() == "sqlite" && strings.HasPrefix(link, "sqlite::@file(") && strings.HasSuffix(link, ")"):
		return &gdb.ConfigNode{Type: "sqlite", Name: strings.TrimSuffix(strings.TrimPrefix(link, "sqlite::@file("), ")")}, nil
	}
	return nil, fmt.Errorf("target must be a %s link", db.Dialect())
}

func (s *sBackup) request(ctx context.Context, id int64) (*v1.RestoreRequestItem, error) {
	var r entity.RestoreRequests
	if err := dao.RestoreRequests.Ctx(ctx).WherePri(id).Scan(&r); err != nil {
		return nil, err
	}
	it := &v1.RestoreRequestItem{ID: r.Id, BackupID: r.BackupId, Reason: r.Reason, Status: r.Status, RequestedBy: r.RequestedBy,
		ApprovedBy: r.ApprovedBy, Error: r.Error, CreatedAt: timefmt.Format(r.CreatedAt)}
	if r.FinishedAt != nil {
		f := timefmt.Format(r.FinishedAt)
		it.FinishedAt = &f
	}
	return it, nil
}
