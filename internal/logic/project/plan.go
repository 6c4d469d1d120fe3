package project

import (
	"context"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/project/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

var planSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":    listq.Ordinal(dao.ProjectPlans.Columns().Id),
	"sort":  listq.Text(dao.ProjectPlans.Columns().Sort), // small first, as the panel shows them
	"price": listq.Ordinal(dao.ProjectPlans.Columns().Price),
})

// Plan is a plan of a project for other modules (a batch is generated from it), or 404 when
// the plan does not exist or belongs to another project.
func (s *sProject) Plan(ctx context.Context, projectID, planID int64) (*entity.ProjectPlans, error) {
	var pl *entity.ProjectPlans
	cols := dao.ProjectPlans.Columns()
	if err := dao.ProjectPlans.Ctx(ctx).WherePri(planID).Where(cols.ProjectId, projectID).Scan(&pl); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if pl == nil {
		return nil, errs.NotFound.New()
	}
	return pl, nil
}

// Plans pages through a project's plans (the active ones of an active project for roles that
// only buy), in display order unless asked otherwise.
func (s *sProject) Plans(ctx context.Context, req *v1.PlanListReq) (*v1.PlanListRes, error) {
	p, err := visible(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	cols := dao.ProjectPlans.Columns()
	m := dao.ProjectPlans.Ctx(ctx).Where(cols.ProjectId, p.Id)
	switch {
	case !isAdmin(ctx):
		m = m.Where(cols.Status, StatusActive)
	case req.Status != "":
		m = m.Where(cols.Status, req.Status)
	}
	if req.SortBy == "" {
		req.SortBy = "sort"
	}
	rows, total, err := listq.Page[entity.ProjectPlans](m, req.PageReq, planSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.PlanListRes{Items: make([]v1.PlanItem, 0, len(rows)), Total: total}
	for i := range rows {
		res.Items = append(res.Items, toPlan(&rows[i]))
	}
	return res, nil
}

// CreatePlan adds a plan to a project.
func (s *sProject) CreatePlan(ctx context.Context, req *v1.PlanCreateReq) (*v1.PlanCreateRes, error) {
	if _, err := find(ctx, req.Id); err != nil {
		return nil, err
	}
	name := strings.TrimSpace(req.Name)
	if name == "" {
		return nil, errs.InvalidInput.Msg("name is required")
	}
	now := s.now()
	var id int64
	err := dao.ProjectPlans.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		var err error
		id, err = dao.ProjectPlans.Ctx(ctx).Data(do.ProjectPlans{
			ProjectId: req.Id, Name: name, DurationSeconds: req.DurationSeconds, Price: req.Price,
			MaxDevices: req.MaxDevices, Status: StatusActive, Sort: req.Sort, CreatedAt: now, UpdatedAt: now,
		}).InsertAndGetId()
		if err != nil {
			return err
		}
		return auditInTx(ctx, tx)
	})
	if dbx.IsUniqueViolation(err) {
		return nil, errs.Duplicate.Wrap(err, name)
	}
	if err != nil {
		return nil, err
	}
	pl, err := s.Plan(ctx, req.Id, id)
	if err != nil {
		return nil, err
	}
	return &v1.PlanCreateRes{PlanItem: toPlan(pl)}, nil
}

// UpdatePlan changes a plan's terms for the batches generated from now on.
func (s *sProject) UpdatePlan(ctx context.Context, req *v1.PlanUpdateReq) (*v1.PlanUpdateRes, error) {
	pl, err := s.Plan(ctx, req.Id, req.PlanId)
	if err != nil {
		return nil, err
	}
	data := do.ProjectPlans{UpdatedAt: s.now()}
	if req.Name != nil {
		name := strings.TrimSpace(*req.Name)
		if name == "" {
			return nil, errs.InvalidInput.Msg("name is required")
		}
		data.Name = name
	}
	if req.DurationSeconds != nil {
		data.DurationSeconds = *req.DurationSeconds
	}
	if req.Price != nil {
		data.Price = *req.Price
	}
	if req.MaxDevices != nil {
		data.MaxDevices = *req.MaxDevices
	}
	if req.Sort != nil {
		data.Sort = *req.Sort
	}
	if err = s.writePlan(ctx, pl.Id, data); err != nil {
		if dbx.IsUniqueViolation(err) {
			return nil, errs.Duplicate.Wrap(err, data.Name)
		}
		return nil, err
	}
	if pl, err = s.Plan(ctx, req.Id, req.PlanId); err != nil {
		return nil, err
	}
	return &v1.PlanUpdateRes{PlanItem: toPlan(pl)}, nil
}

// SetPlanStatus enables or disables a plan.
func (s *sProject) SetPlanStatus(ctx context.Context, req *v1.PlanStatusReq) (*v1.PlanStatusRes, error) {
	pl, err := s.Plan(ctx, req.Id, req.PlanId)
	if err != nil {
		return nil, err
	}
	if pl.Status != req.Status {
		if err = s.writePlan(ctx, pl.Id, do.ProjectPlans{Status: req.Status, UpdatedAt: s.now()}); err != nil {
			return nil, err
		}
		if pl, err = s.Plan(ctx, req.Id, req.PlanId); err != nil {
			return nil, err
		}
	}
	return &v1.PlanStatusRes{PlanItem: toPlan(pl)}, nil
}

func (s *sProject) writePlan(ctx context.Context, id int64, data do.ProjectPlans) error {
	return dao.ProjectPlans.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if _, err := dao.ProjectPlans.Ctx(ctx).WherePri(id).Data(data).Update(); err != nil {
			return err
		}
		return auditInTx(ctx, tx)
	})
}

// DeletePlan removes a plan no batch was generated from; one a batch names is kept (its cards
// point at it) and can only be disabled. A project keeps at least one plan.
func (s *sProject) DeletePlan(ctx context.Context, req *v1.PlanDeleteReq) (*v1.PlanDeleteRes, error) {
	pl, err := s.Plan(ctx, req.Id, req.PlanId)
	if err != nil {
		return nil, err
	}
	used, err := dao.CardBatches.Ctx(ctx).Where(dao.CardBatches.Columns().PlanId, pl.Id).Count()
	if err != nil {
		return nil, err
	}
	if used > 0 {
		return nil, errs.PlanInUse.New()
	}
	cols := dao.ProjectPlans.Columns()
	err = dao.ProjectPlans.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		// Writing the project row first locks it, which orders this delete after a racing one
		// of the project's other plan: the two cannot both see a sibling and leave none.
		if _, err := dao.Projects.Ctx(ctx).WherePri(pl.ProjectId).Increment(dao.Projects.Columns().RowVersion, 1); err != nil {
			return err
		}
		n, err := dao.ProjectPlans.Ctx(ctx).Where(cols.ProjectId, pl.ProjectId).Count()
		if err != nil {
			return err
		}
		if n <= 1 {
			return errs.InvalidState.New()
		}
		if _, err = dao.ProjectPlans.Ctx(ctx).WherePri(pl.Id).Delete(); err != nil {
			return err
		}
		return auditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	return &v1.PlanDeleteRes{}, nil
}
