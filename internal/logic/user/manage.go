package user

import (
	"context"
	"kami/internal/infra/snapcache"
	"kami/internal/model"
	"strconv"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	sysv1 "kami/api/system/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
)

// mayManage guards status and password changes: never oneself (that is /user/password, which
// asks for the old password) and never a user of the caller's own level or above, so an
// agent-admin cannot lock out another agent-admin or the super-admin even if scope allowed it.
func mayManage(ctx context.Context, target *entity.Users) error {
	p := principal.From(ctx)
	callerLevel, targetLevel := consts.RoleLevel(p.Role), consts.RoleLevel(target.Role)
	if target.Id == p.UserID || callerLevel < 0 || targetLevel <= callerLevel {
		return errs.Forbidden.New()
	}
	return nil
}

// loadManageable loads a user the caller may change status or password of: in scope, below it.
func loadManageable(ctx context.Context, id int64) (*entity.Users, error) {
	u, err := loadInScope(ctx, id)
	if err != nil {
		return nil, err
	}
	if err = mayManage(ctx, u); err != nil {
		return nil, err
	}
	return u, nil
}

// mayEditProfile is mayManage except that a user may edit its own profile: the panel has no
// other place to set one's email, which the password-reset mail needs.
func mayEditProfile(ctx context.Context, target *entity.Users) error {
	if target.Id == principal.From(ctx).UserID {
		return nil
	}
	return mayManage(ctx, target)
}

// Update edits the profile fields that were sent; an empty email clears it (stored as NULL).
func (s *sUser) Update(ctx context.Context, req *sysv1.UserUpdateReq) (*sysv1.UserUpdateRes, error) {
	u, err := loadInScope(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if err = mayEditProfile(ctx, u); err != nil {
		return nil, err
	}
	cols := dao.Users.Columns()
	data := g.Map{cols.UpdatedAt: gtime.Now()}
	if req.RealName != nil {
		data[cols.RealName] = strings.TrimSpace(*req.RealName)
	}
	if req.Remark != nil {
		data[cols.Remark] = *req.Remark
	}
	if req.Phone != nil {
		data[cols.Phone] = strings.TrimSpace(*req.Phone)
	}
	email := ""
	if req.Email != nil {
		email = normEmail(*req.Email)
		if email != u.Email {
			if err = checkUnique(ctx, "", email, u.Id); err != nil {
				return nil, err
			}
			// A new address has not been proven to belong to the user.
			data[cols.Email], data[cols.EmailVerified] = nullable(email), 0
		}
	}
	if _, err = dao.Users.Ctx(ctx).WherePri(u.Id).Data(data).Update(); err != nil {
		return nil, duplicateErr(err, u.Username, email)
	}
	if u, err = mustGet(ctx, u.Id); err != nil {
		return nil, err
	}
	return &sysv1.UserUpdateRes{UserItem: toItem(u)}, nil
}

// SetStatus enables or disables a user. Disabling ends its sessions in the same transaction, so
// its access token is refused on the next request on every node.
func (s *sUser) SetStatus(ctx context.Context, req *sysv1.UserStatusReq) (*sysv1.UserStatusRes, error) {
	u, err := loadManageable(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	err = dao.Users.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		cols := dao.Users.Columns()
		_, err := dao.Users.Ctx(ctx).WherePri(u.Id).
			Data(g.Map{cols.Status: *req.Status, cols.UpdatedAt: gtime.Now()}).Update()
		if err != nil {
			return err
		}
		if *req.Status == consts.StatusDisabled {
			if err = service.Auth().RevokeUserSessions(ctx, u.Id, "", "user_disabled"); err != nil {
				return err
			}
		}
		// Enabling or disabling an account must never commit without its audit row.
		return service.Middleware().AuditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	// Cards an agent generated answer DISABLED while it is disabled (openapi.md).
	snapcache.Changed(ctx, model.SnapOwner, strconv.FormatInt(u.Id, 10))
	// A disabled user's relay tokens are refused on every node within 2 s (relay.md §6).
	service.Relay().UserChanged(ctx, u.Id)
	return &sysv1.UserStatusRes{}, nil
}

// SetPassword is the admin reset: the new password is admin-set, so the user must change it at
// next login, and every session of the user ends.
func (s *sUser) SetPassword(ctx context.Context, req *sysv1.UserPasswordReq) (*sysv1.UserPasswordRes, error) {
	u, err := loadManageable(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	err = dao.Users.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if err := storePassword(ctx, u.Id, req.Password, true); err != nil {
			return err
		}
		if err := service.Auth().RevokeUserSessions(ctx, u.Id, "", "password_reset"); err != nil {
			return err
		}
		// A password reset must never commit without its audit row.
		return service.Middleware().AuditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	s.notifyPasswordChanged(ctx, u)
	return &sysv1.UserPasswordRes{}, nil
}
