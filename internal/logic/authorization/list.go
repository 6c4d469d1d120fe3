package authorization

import (
	"context"

	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/authorization/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/scope"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

var authorizationSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.Authorizations.Columns().Id),
	"expiresAt": listq.Ordinal(dao.Authorizations.Columns().ExpiresAt),
	"createdAt": listq.Ordinal(dao.Authorizations.Columns().CreatedAt),
})

// status is how a row reads now: an active one whose end passed is expired already.
func status(a *entity.Authorizations, now *gtime.Time) string {
	if a.Status == statusActive && a.ExpiresAt != nil && !a.ExpiresAt.After(now) {
		return statusExpired
	}
	return a.Status
}

// List pages through the authorizations whose holders are in the caller's scope.
func (s *sAuthorization) List(ctx context.Context, req *v1.AuthorizationListReq) (*v1.AuthorizationListRes, error) {
	cols := dao.Authorizations.Columns()
	m := scope.Apply(ctx, dao.Authorizations.Ctx(ctx), cols.UserId)
	if req.ProjectId > 0 {
		m = m.Where(cols.ProjectId, req.ProjectId)
	}
	if req.AgentId > 0 {
		m = m.Where(cols.UserId, req.AgentId)
	}
	now := s.now()
	inForce := "(" + cols.ExpiresAt + " IS NULL OR " + cols.ExpiresAt + " > ?)"
	switch req.Status {
	case statusActive:
		m = m.Where(cols.Status, statusActive).Where(inForce, now)
	case statusExpired:
		m = m.Where("("+cols.Status+" = ? OR ("+cols.Status+" = ? AND "+cols.ExpiresAt+" <= ?))", statusExpired, statusActive, now)
	case statusRevoked:
		m = m.Where(cols.Status, statusRevoked)
	}
	rows, total, err := listq.Page[entity.Authorizations](m, req.PageReq, authorizationSorts)
	if err != nil {
		return nil, err
	}
	items, err := s.items(ctx, rows)
	if err != nil {
		return nil, err
	}
	return &v1.AuthorizationListRes{Items: items, Total: total}, nil
}

// item is one authorization as API output.
func (s *sAuthorization) item(ctx context.Context, id int64) (*v1.AuthorizationItem, error) {
	var a *entity.Authorizations
	if err := dao.Authorizations.Ctx(ctx).WherePri(id).Scan(&a); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if a == nil {
		return nil, errs.NotFound.New()
	}
	items, err := s.items(ctx, []entity.Authorizations{*a})
	if err != nil {
		return nil, err
	}
	return &items[0], nil
}

// items renders rows with the names of their projects, holders and granters.
func (s *sAuthorization) items(ctx context.Context, rows []entity.Authorizations) ([]v1.AuthorizationItem, error) {
	var projectIDs, userIDs []int64
	for _, a := range rows {
		projectIDs = append(projectIDs, a.ProjectId)
		userIDs = append(userIDs, a.UserId, a.GrantedBy)
	}
	projects, err := service.Project().Names(ctx, projectIDs)
	if err != nil {
		return nil, err
	}
	users, err := service.User().Usernames(ctx, userIDs)
	if err != nil {
		return nil, err
	}
	now := s.now()
	out := make([]v1.AuthorizationItem, 0, len(rows))
	for i := range rows {
		a := &rows[i]
		out = append(out, v1.AuthorizationItem{
			Id: a.Id, ProjectId: a.ProjectId, ProjectName: projects[a.ProjectId], AgentId: a.UserId,
			AgentName: users[a.UserId], GrantedBy: a.GrantedBy, GrantedByName: users[a.GrantedBy], Source: a.Source,
			ApplicationId: a.ApplicationId, Status: status(a, now), ExpiresAt: timefmt.Ptr(a.ExpiresAt),
			EndedAt: timefmt.Ptr(a.EndedAt), CreatedAt: timefmt.Format(a.CreatedAt), UpdatedAt: timefmt.Format(a.UpdatedAt),
		})
	}
	return out, nil
}
