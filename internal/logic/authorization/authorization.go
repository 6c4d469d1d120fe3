// Package authorization is who may generate cards of which project (项目授权, seed 001 §2.2):
// grants by an admin (the super-admin to anyone, an agent-admin to its own agents), agents'
// applications decided by their admin, the job that ends authorizations at their end time and
// warns before, and the "authorized for" check the card batches call. The super-admin is
// authorized for every project without a row.
package authorization

import (
	"context"
	"fmt"
	"kami/internal/infra/snapcache"
	"sync/atomic"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/clock"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
)

// Authorization statuses (authorizations.status) and sources.
const (
	statusActive  = "active"
	statusRevoked = "revoked"
	statusExpired = "expired"

	sourceGrant       = "grant"
	sourceApplication = "application"
)

type sAuthorization struct {
	clock atomic.Pointer[clock.Clock]
}

func init() {
	service.RegisterAuthorization(New())
}

// New returns the service on the system clock.
func New() *sAuthorization {
	s := &sAuthorization{}
	s.SetClock(clock.System)
	return s
}

// SetClock is how boot (or a test) hands the service its clock: ends, warnings and the
// expiry job are all measured on it.
func (s *sAuthorization) SetClock(c clock.Clock) { s.clock.Store(&c) }

func (s *sAuthorization) now() *gtime.Time {
	return gtime.NewFromTime((*s.clock.Load()).Now().UTC().Truncate(time.Second))
}

// activeKey is the value of active_key (and pending_key) for a pair: unique while live.
func activeKey(projectID, userID int64) string { return fmt.Sprintf("%d:%d", projectID, userID) }

// live is the authorization of userID for projectID that is in force now, or nil. An active
// row whose end passed is not in force, whether or not the job has marked it yet.
func (s *sAuthorization) live(ctx context.Context, projectID, userID int64) (*entity.Authorizations, error) {
	cols := dao.Authorizations.Columns()
	var a *entity.Authorizations
	err := dao.Authorizations.Ctx(ctx).Where(cols.ActiveKey, activeKey(projectID, userID)).
		Where("("+cols.ExpiresAt+" IS NULL OR "+cols.ExpiresAt+" > ?)", s.now()).Scan(&a)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	return a, nil
}

// Check answers nil when userID may generate cards of projectID now: the project exists (404
// otherwise) and is active (409 PROJECT_DISABLED), and the user is the super-admin or holds
// an authorization in force (403 PROJECT_NOT_AUTHORIZED). Card batches call it inside their
// transaction.
func (s *sAuthorization) Check(ctx context.Context, projectID, userID int64) error {
	p, err := service.Project().Find(ctx, projectID)
	if err != nil {
		return err
	}
	if p.Status != model.ProjectActive {
		return errs.ProjectDisabled.New()
	}
	u, err := service.User().Account(ctx, userID)
	if err != nil {
		return err
	}
	if u.Role == consts.RoleSuperAdmin {
		return nil
	}
	a, err := s.live(ctx, projectID, userID)
	if err != nil {
		return err
	}
	if a == nil {
		return errs.ProjectNotAuthorized.New()
	}
	return nil
}

// Held maps the projects among projectIDs that userID holds an authorization in force for to
// the authorization's end (nil: never ends). The project list marks them with it.
func (s *sAuthorization) Held(ctx context.Context, userID int64, projectIDs []int64) (map[int64]*gtime.Time, error) {
	out := map[int64]*gtime.Time{}
	if len(projectIDs) == 0 {
		return out, nil
	}
	cols := dao.Authorizations.Columns()
	var rows []entity.Authorizations
	err := dao.Authorizations.Ctx(ctx).Where(cols.UserId, userID).Where(cols.Status, statusActive).
		WhereIn(cols.ProjectId, projectIDs).
		Where("("+cols.ExpiresAt+" IS NULL OR "+cols.ExpiresAt+" > ?)", s.now()).Scan(&rows)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, a := range rows {
		out[a.ProjectId] = a.ExpiresAt
	}
	return out, nil
}

// changed tells the OpenAPI's snapshots that the pair's authorization changed (a project that
// refuses cards of ended authorizations answers from them).
func changed(ctx context.Context, projectID, userID int64) {
	snapcache.Changed(ctx, model.SnapAuth, activeKey(projectID, userID))
}
