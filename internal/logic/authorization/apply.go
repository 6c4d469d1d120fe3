package authorization

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	v1 "kami/api/authorization/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/scope"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// Application statuses.
const (
	appPending  = "pending"
	appApproved = "approved"
	appRejected = "rejected"
)

var applicationSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.AuthorizationApplications.Columns().Id),
	"createdAt": listq.Ordinal(dao.AuthorizationApplications.Columns().CreatedAt),
})

// Apply files the caller's application for an active project (seed 001 §2.2.2) and tells the
// approver: the caller's parent admin. One pending application per project (the unique
// pending_key decides between racing ones).
func (s *sAuthorization) Apply(ctx context.Context, req *v1.ApplicationCreateReq) (*v1.ApplicationCreateRes, error) {
	p := principal.From(ctx)
	if p.Role != consts.RoleAgent && p.Role != consts.RoleAgentAdmin {
		return nil, errs.AuthorizationGrantee.New() // the super-admin holds every project already
	}
	project, err := service.Project().Find(ctx, req.ProjectId)
	if err != nil {
		return nil, err
	}
	if project.Status != model.ProjectActive {
		return nil, errs.NotFound.New() // a disabled project is not shown to applicants at all
	}
	own, err := s.live(ctx, project.Id, p.UserID)
	if err != nil {
		return nil, err
	}
	if own != nil {
		return nil, errs.AuthorizationExists.New()
	}
	me, err := service.User().Account(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	now := s.now()
	var id int64
	err = dao.AuthorizationApplications.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		var err error
		id, err = dao.AuthorizationApplications.Ctx(ctx).Data(do.AuthorizationApplications{
			ProjectId: project.Id, ApplicantId: p.UserID, ApproverId: me.ParentId, Reason: req.Reason,
			Status: appPending, PendingKey: activeKey(project.Id, p.UserID), CreatedAt: now, UpdatedAt: now,
		}).InsertAndGetId()
		if dbx.IsUniqueViolation(err) {
			return errs.ApplicationPending.Wrap(err)
		}
		if err != nil {
			return err
		}
		to := model.Recipients{UserIDs: []int64{me.ParentId}}
		if me.ParentId == 0 {
			to = model.Recipients{Roles: []string{consts.RoleSuperAdmin}}
		}
		if _, err = service.Notify().Send(ctx, model.Notice{
			To: to, Kind: "authorization.application", Template: "authorization.applied",
			Params: map[string]any{"project": project.Name, "applicant": p.Username, "reason": req.Reason},
			Ref:    model.Ref{Type: "authorization.application", ID: id}, DedupKey: "authorization.applied:" + itoa(id),
		}); err != nil {
			return err
		}
		return service.Middleware().AuditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	it, err := s.application(ctx, id)
	if err != nil {
		return nil, err
	}
	return &v1.ApplicationCreateRes{ApplicationItem: *it}, nil
}

// Applications pages through the applications of the users in the caller's scope.
func (s *sAuthorization) Applications(ctx context.Context, req *v1.ApplicationListReq) (*v1.ApplicationListRes, error) {
	cols := dao.AuthorizationApplications.Columns()
	m := scope.Apply(ctx, dao.AuthorizationApplications.Ctx(ctx), cols.ApplicantId)
	if req.ProjectId > 0 {
		m = m.Where(cols.ProjectId, req.ProjectId)
	}
	if req.ApplicantId > 0 {
		m = m.Where(cols.ApplicantId, req.ApplicantId)
	}
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	rows, total, err := listq.Page[entity.AuthorizationApplications](m, req.PageReq, applicationSorts)
	if err != nil {
		return nil, err
	}
	items, err := s.applicationItems(ctx, rows)
	if err != nil {
		return nil, err
	}
	return &v1.ApplicationListRes{Items: items, Total: total}, nil
}

// pending loads an application the caller may decide: its applicant is in the caller's scope
// (404 otherwise) and is not the caller (an agent-admin's own application is the
// super-admin's to decide); it must still be pending (409 INVALID_STATE).
func (s *sAuthorization) pending(ctx context.Context, id int64) (*entity.AuthorizationApplications, error) {
	var a *entity.AuthorizationApplications
	m := scope.Apply(ctx, dao.AuthorizationApplications.Ctx(ctx).WherePri(id), dao.AuthorizationApplications.Columns().ApplicantId)
	if err := m.Scan(&a); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if a == nil {
		return nil, errs.NotFound.New()
	}
	if a.ApplicantId == principal.From(ctx).UserID {
		return nil, errs.Forbidden.New()
	}
	if a.Status != appPending {
		return nil, errs.InvalidState.New()
	}
	return a, nil
}

// decide moves a pending application to status in the transaction ctx carries; a racing
// decision that got there first makes it 409 INVALID_STATE.
func (s *sAuthorization) decide(ctx context.Context, id int64, status, note string, authorizationID int64) error {
	cols := dao.AuthorizationApplications.Columns()
	now := s.now()
	res, err := dao.AuthorizationApplications.Ctx(ctx).WherePri(id).Where(cols.Status, appPending).
		Data(g.Map{cols.Status: status, cols.PendingKey: nil, cols.Note: note, cols.DecidedBy: principal.From(ctx).UserID,
			cols.DecidedAt: now, cols.AuthorizationId: authorizationID, cols.UpdatedAt: now}).Update()
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return errs.InvalidState.New()
	}
	return nil
}

// Approve grants what a pending application asked for, under the same rules as a grant, in
// one transaction with the decision, and tells the applicant.
func (s *sAuthorization) Approve(ctx context.Context, req *v1.ApplicationApproveReq) (*v1.ApplicationApproveRes, error) {
	end, err := parseEnd(req.ExpiresAt)
	if err != nil {
		return nil, err
	}
	a, err := s.pending(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	project, err := service.Project().Find(ctx, a.ProjectId)
	if err != nil {
		return nil, err
	}
	u, err := service.User().Account(ctx, a.ApplicantId)
	if err != nil {
		return nil, err
	}
	if end, err = s.terms(ctx, project, u, end); err != nil {
		return nil, err
	}
	var authID int64
	err = dao.AuthorizationApplications.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		var err error
		if authID, err = s.insert(ctx, newGrant{Project: project, User: u, End: end, Source: sourceApplication,
			ApplicationID: a.Id}); err != nil {
			return err
		}
		if err = s.decide(ctx, a.Id, appApproved, "", authID); err != nil {
			return err
		}
		return service.Middleware().AuditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	changed(ctx, project.Id, u.Id)
	it, err := s.application(ctx, a.Id)
	if err != nil {
		return nil, err
	}
	auth, err := s.item(ctx, authID)
	if err != nil {
		return nil, err
	}
	return &v1.ApplicationApproveRes{ApplicationItem: *it, Authorization: *auth}, nil
}

// Reject refuses a pending application and tells the applicant why.
func (s *sAuthorization) Reject(ctx context.Context, req *v1.ApplicationRejectReq) (*v1.ApplicationRejectRes, error) {
	a, err := s.pending(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	names, err := service.Project().Names(ctx, []int64{a.ProjectId})
	if err != nil {
		return nil, err
	}
	err = dao.AuthorizationApplications.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if err := s.decide(ctx, a.Id, appRejected, req.Reason, 0); err != nil {
			return err
		}
		if _, err := service.Notify().Send(ctx, model.Notice{
			To: model.Recipients{UserIDs: []int64{a.ApplicantId}}, Kind: "authorization.application",
			Template: "authorization.rejected", Params: map[string]any{"project": names[a.ProjectId], "reason": req.Reason},
			Ref: model.Ref{Type: "authorization.application", ID: a.Id}, DedupKey: "authorization.rejected:" + itoa(a.Id),
		}); err != nil {
			return err
		}
		return service.Middleware().AuditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	it, err := s.application(ctx, a.Id)
	if err != nil {
		return nil, err
	}
	return &v1.ApplicationRejectRes{ApplicationItem: *it}, nil
}

func (s *sAuthorization) application(ctx context.Context, id int64) (*v1.ApplicationItem, error) {
	var a *entity.AuthorizationApplications
	if err := dao.AuthorizationApplications.Ctx(ctx).WherePri(id).Scan(&a); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if a == nil {
		return nil, errs.NotFound.New()
	}
	items, err := s.applicationItems(ctx, []entity.AuthorizationApplications{*a})
	if err != nil {
		return nil, err
	}
	return &items[0], nil
}

func (s *sAuthorization) applicationItems(ctx context.Context, rows []entity.AuthorizationApplications) ([]v1.ApplicationItem, error) {
	var projectIDs, userIDs []int64
	for _, a := range rows {
		projectIDs = append(projectIDs, a.ProjectId)
		userIDs = append(userIDs, a.ApplicantId)
	}
	projects, err := service.Project().Names(ctx, projectIDs)
	if err != nil {
		return nil, err
	}
	users, err := service.User().Usernames(ctx, userIDs)
	if err != nil {
		return nil, err
	}
	out := make([]v1.ApplicationItem, 0, len(rows))
	for i := range rows {
		a := &rows[i]
		out = append(out, v1.ApplicationItem{
			Id: a.Id, ProjectId: a.ProjectId, ProjectName: projects[a.ProjectId], ApplicantId: a.ApplicantId,
			ApplicantName: users[a.ApplicantId], ApproverId: a.ApproverId, Reason: a.Reason, Status: a.Status,
			Note: a.Note, DecidedBy: a.DecidedBy, DecidedAt: timefmt.Ptr(a.DecidedAt),
			AuthorizationId: a.AuthorizationId, CreatedAt: timefmt.Format(a.CreatedAt),
		})
	}
	return out, nil
}
