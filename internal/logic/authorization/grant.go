package authorization

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/authorization/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/scope"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// grantee is the user an admin names, when it is in the admin's scope; 404 otherwise, as for a
// user that does not exist (another admin's agent is not revealed).
func grantee(ctx context.Context, id int64) (*entity.Users, error) {
	u, err := service.User().Account(ctx, id)
	if err != nil {
		return nil, err
	}
	if err = scope.CheckUser(ctx, u.Id, u.Path); err != nil {
		return nil, err
	}
	return u, nil
}

// parseEnd reads an optional RFC 3339 end.
func parseEnd(s string) (*gtime.Time, error) {
	t, err := timefmt.Parse(s)
	if err != nil {
		return nil, errs.TimeInvalid.New("expiresAt")
	}
	return t, nil
}

// terms checks that the caller may authorize u for project until end, and returns the end to
// store. The super-admin authorizes any agent-admin or agent; an agent-admin its own agents,
// for projects it holds itself and never beyond its own end (an unbounded grant takes that
// end): otherwise the super-admin's control over the agent-admin would mean nothing.
func (s *sAuthorization) terms(ctx context.Context, project *entity.Projects, u *entity.Users, end *gtime.Time) (*gtime.Time, error) {
	p := principal.From(ctx)
	switch {
	case u.Id == p.UserID:
		return nil, errs.AuthorizationGrantee.New()
	case p.Role == consts.RoleSuperAdmin && (u.Role == consts.RoleAgentAdmin || u.Role == consts.RoleAgent):
	case p.Role == consts.RoleAgentAdmin && u.Role == consts.RoleAgent:
	default:
		return nil, errs.AuthorizationGrantee.New()
	}
	if project.Status != model.ProjectActive {
		return nil, errs.ProjectDisabled.New()
	}
	if end != nil && !end.After(s.now()) {
		return nil, errs.AuthorizationExpiry.New()
	}
	if p.Role == consts.RoleSuperAdmin {
		return end, nil
	}
	own, err := s.live(ctx, project.Id, p.UserID)
	if err != nil {
		return nil, err
	}
	if own == nil {
		return nil, errs.ProjectNotAuthorized.New()
	}
	if own.ExpiresAt != nil {
		if end == nil {
			return own.ExpiresAt, nil
		}
		if end.After(own.ExpiresAt) {
			return nil, errs.AuthorizationExpiry.New()
		}
	}
	return end, nil
}

// newGrant is one authorization to insert.
type newGrant struct {
	Project       *entity.Projects
	User          *entity.Users
	End           *gtime.Time
	Source        string
	ApplicationID int64
}

// insert writes an authorization in the transaction ctx carries and tells its holder. A row
// of the pair still marked active though its end passed (the job has not run yet) is ended
// first; a live one makes the insert 409 AUTHORIZATION_EXISTS, decided by the unique
// active_key, so two racing grants cannot both succeed.
func (s *sAuthorization) insert(ctx context.Context, n newGrant) (int64, error) {
	cols := dao.Authorizations.Columns()
	now := s.now()
	key := activeKey(n.Project.Id, n.User.Id)
	// Read first, then end the stale row by its primary key: an UPDATE by active_key that
	// matches nothing takes a gap lock on MySQL, and two racing grants holding gap locks
	// deadlock on their INSERTs instead of one of them getting the duplicate key.
	var stale *entity.Authorizations
	if err := dao.Authorizations.Ctx(ctx).Where(cols.ActiveKey, key).WhereNotNull(cols.ExpiresAt).
		WhereLTE(cols.ExpiresAt, now).Scan(&stale); err != nil && !dbx.IsNoRows(err) {
		return 0, err
	}
	if stale != nil {
		if _, err := dao.Authorizations.Ctx(ctx).WherePri(stale.Id).Where(cols.Status, statusActive).
			Data(g.Map{cols.Status: statusExpired, cols.ActiveKey: nil, cols.EndedAt: stale.ExpiresAt, cols.UpdatedAt: now}).
			Update(); err != nil {
			return 0, err
		}
	}
	id, err := dao.Authorizations.Ctx(ctx).Data(do.Authorizations{
		ProjectId: n.Project.Id, UserId: n.User.Id, GrantedBy: principal.From(ctx).UserID, Source: n.Source,
		ApplicationId: n.ApplicationID, Status: statusActive, ActiveKey: key, ExpiresAt: n.End,
		CreatedAt: now, UpdatedAt: now,
	}).InsertAndGetId()
	if dbx.IsUniqueViolation(err) {
		return 0, errs.AuthorizationExists.Wrap(err)
	}
	if err != nil {
		return 0, err
	}
	template := "authorization.granted"
	if n.Source == sourceApplication {
		template = "authorization.approved"
	}
	return id, s.tell(ctx, n.User.Id, "authorization.changed", template, id, n.Project.Name, n.End, nil)
}

// Grant authorizes a user for a project (seed 001 §2.2.1) and notifies it.
func (s *sAuthorization) Grant(ctx context.Context, req *v1.AuthorizationCreateReq) (*v1.AuthorizationCreateRes, error) {
	end, err := parseEnd(req.ExpiresAt)
	if err != nil {
		return nil, err
	}
	project, err := service.Project().Find(ctx, req.ProjectId)
	if err != nil {
		return nil, err
	}
	u, err := grantee(ctx, req.AgentId)
	if err != nil {
		return nil, err
	}
	if end, err = s.terms(ctx, project, u, end); err != nil {
		return nil, err
	}
	var id int64
	err = dao.Authorizations.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if id, err = s.insert(ctx, newGrant{Project: project, User: u, End: end, Source: sourceGrant}); err != nil {
			return err
		}
		return service.Middleware().AuditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	changed(ctx, project.Id, u.Id)
	it, err := s.item(ctx, id)
	if err != nil {
		return nil, err
	}
	return &v1.AuthorizationCreateRes{AuthorizationItem: *it}, nil
}

// managed loads an authorization the caller may change: its holder is in the caller's scope
// (404 otherwise) and is not the caller itself (an agent-admin does not renew or revoke its
// own); it must be in force (409 INVALID_STATE for an ended one).
func (s *sAuthorization) managed(ctx context.Context, id int64) (*entity.Authorizations, *entity.Projects, *entity.Users, error) {
	var a *entity.Authorizations
	m := scope.Apply(ctx, dao.Authorizations.Ctx(ctx).WherePri(id), dao.Authorizations.Columns().UserId)
	if err := m.Scan(&a); err != nil && !dbx.IsNoRows(err) {
		return nil, nil, nil, err
	}
	if a == nil {
		return nil, nil, nil, errs.NotFound.New()
	}
	if a.UserId == principal.From(ctx).UserID {
		return nil, nil, nil, errs.AuthorizationGrantee.New()
	}
	if status(a, s.now()) != statusActive {
		return nil, nil, nil, errs.InvalidState.New()
	}
	project, err := service.Project().Find(ctx, a.ProjectId)
	if err != nil {
		return nil, nil, nil, err
	}
	u, err := service.User().Account(ctx, a.UserId)
	if err != nil {
		return nil, nil, nil, err
	}
	return a, project, u, nil
}

// Renew sets a new end on an authorization in force, under the same rules as a grant, and
// tells its holder; the "ends soon" notice is due again for the new end.
func (s *sAuthorization) Renew(ctx context.Context, req *v1.AuthorizationUpdateReq) (*v1.AuthorizationUpdateRes, error) {
	end, err := parseEnd(req.ExpiresAt)
	if err != nil {
		return nil, err
	}
	a, project, u, err := s.managed(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if end, err = s.terms(ctx, project, u, end); err != nil {
		return nil, err
	}
	cols := dao.Authorizations.Columns()
	err = dao.Authorizations.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		res, err := dao.Authorizations.Ctx(ctx).WherePri(a.Id).Where(cols.Status, statusActive).
			Data(g.Map{cols.ExpiresAt: end, cols.WarnedAt: nil, cols.UpdatedAt: s.now()}).Update()
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return errs.InvalidState.New() // revoked or expired meanwhile
		}
		if err = s.tell(ctx, a.UserId, "authorization.changed", "authorization.renewed", a.Id, project.Name, end,
			s.now()); err != nil {
			return err
		}
		return service.Middleware().AuditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	changed(ctx, a.ProjectId, a.UserId)
	it, err := s.item(ctx, a.Id)
	if err != nil {
		return nil, err
	}
	return &v1.AuthorizationUpdateRes{AuthorizationItem: *it}, nil
}

// Revoke ends an authorization in force now (kept as history) and tells its holder. Cards it
// generated keep working unless the project refuses cards of ended authorizations.
func (s *sAuthorization) Revoke(ctx context.Context, req *v1.AuthorizationDeleteReq) (*v1.AuthorizationDeleteRes, error) {
	a, project, _, err := s.managed(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	cols := dao.Authorizations.Columns()
	now := s.now()
	err = dao.Authorizations.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		res, err := dao.Authorizations.Ctx(ctx).WherePri(a.Id).Where(cols.Status, statusActive).
			Data(g.Map{cols.Status: statusRevoked, cols.ActiveKey: nil, cols.EndedAt: now,
				cols.EndedBy: principal.From(ctx).UserID, cols.UpdatedAt: now}).Update()
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return errs.InvalidState.New()
		}
		if err = s.tell(ctx, a.UserId, "authorization.changed", "authorization.revoked", a.Id, project.Name, nil, now); err != nil {
			return err
		}
		return service.Middleware().AuditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	changed(ctx, a.ProjectId, a.UserId)
	it, err := s.item(ctx, a.Id)
	if err != nil {
		return nil, err
	}
	return &v1.AuthorizationDeleteRes{AuthorizationItem: *it}, nil
}
