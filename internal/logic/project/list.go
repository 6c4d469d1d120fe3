package project

import (
	"context"

	v1 "kami/api/project/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

var projectSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.Projects.Columns().Id),
	"name":      listq.Text(dao.Projects.Columns().Name),
	"createdAt": listq.Ordinal(dao.Projects.Columns().CreatedAt),
})

// List pages through the projects the caller may read.
func (s *sProject) List(ctx context.Context, req *v1.ProjectListReq) (*v1.ProjectListRes, error) {
	cols := dao.Projects.Columns()
	m := dao.Projects.Ctx(ctx).FieldsEx(cols.AppSecret, cols.PrevAppSecret, cols.WebhookSecret)
	if req.Name != "" {
		m = listq.Contains(m, cols.Name, req.Name)
	}
	switch {
	case !isAdmin(ctx):
		m = m.Where(cols.Status, StatusActive)
	case req.Status != "":
		m = m.Where(cols.Status, req.Status)
	}
	rows, total, err := listq.Page[entity.Projects](m, req.PageReq, projectSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.ProjectListRes{Items: make([]v1.ProjectItem, 0, len(rows)), Total: total}
	for i := range rows {
		res.Items = append(res.Items, toItem(ctx, &rows[i]))
	}
	if err = markAuthorized(ctx, res.Items); err != nil {
		return nil, err
	}
	return res, nil
}

// markAuthorized tells an agent or agent-admin which of the projects it may generate cards of.
func markAuthorized(ctx context.Context, items []v1.ProjectItem) error {
	p := principal.From(ctx)
	if p == nil || p.Role == consts.RoleSuperAdmin || len(items) == 0 {
		return nil
	}
	ids := make([]int64, len(items))
	for i := range items {
		ids[i] = items[i].Id
	}
	held, err := service.Authorization().Held(ctx, p.UserID, ids)
	if err != nil {
		return err
	}
	for i := range items {
		until, ok := held[items[i].Id]
		items[i].Authorized = &ok
		if ok {
			items[i].AuthorizedUntil = timefmt.Ptr(until)
		}
	}
	return nil
}

// Get answers one project with its plans, and its published signing keys for the super-admin.
func (s *sProject) Get(ctx context.Context, req *v1.ProjectGetReq) (*v1.ProjectGetRes, error) {
	p, err := visible(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	admin := isAdmin(ctx)
	plans, err := plansOf(ctx, p.Id, !admin)
	if err != nil {
		return nil, err
	}
	res := &v1.ProjectGetRes{ProjectItem: toItem(ctx, p), Plans: plans}
	items := []v1.ProjectItem{res.ProjectItem}
	if err = markAuthorized(ctx, items); err != nil {
		return nil, err
	}
	res.ProjectItem = items[0]
	if admin {
		if res.SigningKeys, err = s.published(ctx, p.Id); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// plansOf lists a project's plans in display order; activeOnly for roles that only buy.
func plansOf(ctx context.Context, projectID int64, activeOnly bool) ([]v1.PlanItem, error) {
	cols := dao.ProjectPlans.Columns()
	m := dao.ProjectPlans.Ctx(ctx).Where(cols.ProjectId, projectID)
	if activeOnly {
		m = m.Where(cols.Status, StatusActive)
	}
	var rows []entity.ProjectPlans
	if err := m.OrderAsc(cols.Sort).OrderAsc(cols.Id).Scan(&rows); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	out := make([]v1.PlanItem, 0, len(rows))
	for i := range rows {
		out = append(out, toPlan(&rows[i]))
	}
	return out, nil
}
