package project

import (
	"context"
	"encoding/json"
	"kami/internal/infra/snapcache"
	"kami/internal/model"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/project/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

// Update changes a project's details, callback and settings; absent fields keep their value.
func (s *sProject) Update(ctx context.Context, req *v1.ProjectUpdateReq) (*v1.ProjectUpdateRes, error) {
	p, err := find(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	data := do.Projects{}
	if req.Name != nil {
		name := strings.TrimSpace(*req.Name)
		if name == "" {
			return nil, errs.InvalidInput.Msg("name is required")
		}
		data.Name = name
	}
	if req.Description != nil {
		data.Description = *req.Description
	}
	if req.Version != nil {
		data.Version = *req.Version
	}
	if req.CallbackUrl != nil {
		data.CallbackUrl = *req.CallbackUrl
	}
	if req.CallbackEvents != nil {
		events, _ := json.Marshal(uniqueEvents(req.CallbackEvents))
		data.CallbackEvents = string(events)
	}
	if req.Settings != nil {
		set := applySettings(settingsOf(p), req.Settings)
		data.MaxUnbinds, data.UnbindCooldown = set.MaxUnbinds, set.UnbindCooldown
		data.VerifyAfterAuthEnd = boolInt(set.VerifyAfterAuthEnd)
		data.RatePerApp, data.RatePerIp = set.RatePerApp, set.RatePerIp
	}
	err = s.guardedUpdate(ctx, p, data)
	if dbx.IsUniqueViolation(err) {
		return nil, errs.Duplicate.Wrap(err, data.Name)
	}
	if err != nil {
		return nil, err
	}
	if p, err = find(ctx, p.Id); err != nil {
		return nil, err
	}
	return &v1.ProjectUpdateRes{ProjectItem: toItem(ctx, p)}, nil
}

// SetStatus enables or disables a project.
func (s *sProject) SetStatus(ctx context.Context, req *v1.ProjectStatusReq) (*v1.ProjectStatusRes, error) {
	p, err := find(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if p.Status != req.Status {
		if err = s.guardedUpdate(ctx, p, do.Projects{Status: req.Status}); err != nil {
			return nil, err
		}
		if p, err = find(ctx, p.Id); err != nil {
			return nil, err
		}
	}
	return &v1.ProjectStatusRes{ProjectItem: toItem(ctx, p)}, nil
}

// guardedUpdate writes data to p only if nobody changed p since it was read (row_version), in
// a transaction with its audit row; a lost race is 409 CONFLICT, never a silent overwrite of
// the other change (a rotation and an edit racing must not bring back an old secret).
func (s *sProject) guardedUpdate(ctx context.Context, p *entity.Projects, data do.Projects) error {
	cols := dao.Projects.Columns()
	data.RowVersion = p.RowVersion + 1
	data.UpdatedAt = s.now()
	err := dao.Projects.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		res, err := dao.Projects.Ctx(ctx).WherePri(p.Id).Where(cols.RowVersion, p.RowVersion).Data(data).Update()
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			if err != nil {
				return err
			}
			return errs.Conflict.New()
		}
		return auditInTx(ctx, tx)
	})
	if err == nil {
		snapcache.Changed(ctx, model.SnapProject, p.AppKey) // the OpenAPI answers from its snapshot
	}
	return err
}
