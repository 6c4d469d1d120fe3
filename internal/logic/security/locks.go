package security

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/security/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/scope"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
	"kami/utility/username"
)

// SettingSuperAdminLock is how long a super-admin's anomaly lock lasts: it has no superior to
// lift it, and locking the platform's owner out for good would take the platform with it.
const SettingSuperAdminLock = "security.superAdminLockDuration"

// lock locks u after the anomaly event, in the caller's transaction. A super-admin's lock
// expires after security.superAdminLockDuration; anyone else's lasts until lifted.
func (s *sSecurity) lock(ctx context.Context, u *entity.Users, eventID int64, reason string) error {
	now := s.clock.Now()
	row := do.SecurityLocks{UserId: u.Id, EventId: eventID, Reason: reason, LockedAt: gtime.New(now)}
	if u.Role == consts.RoleSuperAdmin {
		row.ExpiresAt = gtime.New(now.Add(service.Settings().Duration(SettingSuperAdminLock)))
	}
	_, err := dao.SecurityLocks.Ctx(ctx).Data(row).Insert()
	return err
}

// active is the model of the locks in force at the service's now.
func (s *sSecurity) active(ctx context.Context) *gdb.Model {
	cols := dao.SecurityLocks.Columns()
	now := gtime.New(s.clock.Now())
	return dao.SecurityLocks.Ctx(ctx).WhereNull(cols.LiftedAt).
		Where(dao.SecurityLocks.Ctx(ctx).Builder().WhereNull(cols.ExpiresAt).WhereOrGT(cols.ExpiresAt, now))
}

// CheckLocked refuses the login of a user an anomaly lock holds: 423 ACCOUNT_ANOMALY_LOCKED.
func (s *sSecurity) CheckLocked(ctx context.Context, userID int64) error {
	n, err := s.active(ctx).Where(dao.SecurityLocks.Columns().UserId, userID).Count()
	if err != nil {
		return errs.Unavailable.Wrap(err)
	}
	if n > 0 {
		return errs.AnomalyLocked.New()
	}
	return nil
}

// LockList pages the locks in force on users in the caller's scope.
func (s *sSecurity) LockList(ctx context.Context, req *v1.LockListReq) (*v1.LockListRes, error) {
	cols := dao.SecurityLocks.Columns()
	m := scope.Apply(ctx, s.active(ctx).Safe(), cols.UserId)
	if req.UserID > 0 {
		m = m.Where(cols.UserId, req.UserID)
	}
	rows, total, err := listq.Page[entity.SecurityLocks](m, req.PageReq, lockSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.LockListRes{Items: make([]v1.LockItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		name, _ := dao.Users.Ctx(ctx).WherePri(r.UserId).Value(dao.Users.Columns().Username)
		item := v1.LockItem{ID: r.Id, UserID: r.UserId, Username: name.String(), Reason: r.Reason, EventID: r.EventId,
			LockedAt: timefmt.Format(r.LockedAt)}
		if r.ExpiresAt != nil {
			at := timefmt.Format(r.ExpiresAt)
			item.ExpiresAt = &at
		}
		res.Items = append(res.Items, item)
	}
	return res, nil
}

var lockSorts = listq.NewSorts("id", map[string]listq.Field{"id": listq.Ordinal(dao.SecurityLocks.Columns().Id)})

// Unlock lifts a lock for the locked user's superior: a lock on a user outside the caller's
// scope is 404 like a missing one, the user's own lock is 403 SECURITY_UNLOCK_SELF, and a lock
// lifted meanwhile is 409 (the guarded update lets one of two racing unlocks win).
func (s *sSecurity) Unlock(ctx context.Context, req *v1.LockUnlockReq) (*v1.LockUnlockRes, error) {
	var l entity.SecurityLocks
	if err := dao.SecurityLocks.Ctx(ctx).WherePri(req.Id).Scan(&l); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if l.Id == 0 {
		return nil, errs.NotFound.New()
	}
	var u entity.Users
	if err := dao.Users.Ctx(ctx).WherePri(l.UserId).Scan(&u); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if u.Id == 0 {
		return nil, errs.NotFound.New()
	}
	if err := scope.CheckUser(ctx, u.Id, u.Path); err != nil {
		return nil, err
	}
	p := principal.From(ctx)
	if p != nil && p.UserID == u.Id {
		return nil, errs.UnlockSelf.New()
	}
	var by int64
	if p != nil {
		by = p.UserID
	}
	if err := s.lift(ctx, s.active(ctx).WherePri(l.Id), by); err != nil {
		return nil, err
	}
	return &v1.LockUnlockRes{}, s.clearCaptcha(ctx, u.Id)
}

// clearCaptcha drops a burst's captcha requirement with the lock: the superior has looked.
func (s *sSecurity) clearCaptcha(ctx context.Context, userID int64) error {
	_, err := g.Redis().Do(ctx, "DEL", captchaKey(userID))
	return err
}

// UnlockUser lifts every lock of the named user, for `kami unlock USER` on a server (lifted_by
// 0): the way out of a super-admin's lock before it expires.
func (s *sSecurity) UnlockUser(ctx context.Context, name string) (int64, error) {
	var u entity.Users
	err := dao.Users.Ctx(ctx).Where(dao.Users.Columns().UsernameKey, username.Canonical(name)).Scan(&u)
	if err != nil && !dbx.IsNoRows(err) {
		return 0, err
	}
	if u.Id == 0 {
		return 0, errs.NotFound.New()
	}
	res, err := s.active(ctx).Where(dao.SecurityLocks.Columns().UserId, u.Id).
		Data(do.SecurityLocks{LiftedAt: gtime.New(s.clock.Now()), LiftedBy: 0}).Update()
	if err != nil {
		return 0, err
	}
	if err = s.clearCaptcha(ctx, u.Id); err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (s *sSecurity) lift(ctx context.Context, m *gdb.Model, by int64) error {
	res, err := m.Data(do.SecurityLocks{LiftedAt: gtime.New(s.clock.Now()), LiftedBy: by}).Update()
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return errs.LockNotActive.New()
	}
	return nil
}
