package user

import (
	"context"
	"kami/utility/dbx"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/user/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/utility/password"
)

// Info is the caller's profile for Vben's /user/info.
func (s *sUser) Info(ctx context.Context, _ *v1.InfoReq) (*v1.InfoRes, error) {
	u, err := mustGet(ctx, principal.From(ctx).UserID)
	if err != nil {
		return nil, err
	}
	return &v1.InfoRes{
		UserID: u.Id, Username: u.Username, RealName: u.RealName, Avatar: avatarURL(u.Avatar), Email: u.Email,
		Roles: []string{u.Role}, HomePath: consts.HomePath(u.Role), Desc: u.Remark,
		MustChangePassword: u.MustChangePassword == 1,
	}, nil
}

// ChangePassword checks the old password, stores the new one, clears the must-change flag and
// ends every other session of the user; the current one stays so the panel keeps working. The
// new password must differ from the old: "changing" a must-change password to itself would
// clear the flag and keep the password the admin (or a leak) knows.
func (s *sUser) ChangePassword(ctx context.Context, req *v1.ChangePasswordReq) (*v1.ChangePasswordRes, error) {
	p := principal.From(ctx)
	u, err := mustGet(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	if !password.Verify(u.PasswordHash, req.OldPassword) {
		return nil, errs.PasswordMismatch.New()
	}
	// The old one was just verified, so equal strings mean the same password (both are within
	// bcrypt's 72 bytes, so no longer pair can hash alike).
	if req.NewPassword == req.OldPassword {
		return nil, errs.PasswordUnchanged.New()
	}
	err = dao.Users.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if err := storePassword(ctx, u.Id, req.NewPassword, false); err != nil {
			return err
		}
		if err := service.Middleware().AuditInTx(ctx, tx); err != nil {
			return err
		}
		return service.Auth().RevokeUserSessions(ctx, u.Id, p.SessionID, "password_changed")
	})
	if err != nil {
		return nil, err
	}
	s.notifyPasswordChanged(ctx, u)
	return &v1.ChangePasswordRes{}, nil
}

// storePassword validates strength and stores the hash; mustChange marks an admin-set password.
func storePassword(ctx context.Context, userID int64, plain string, mustChange bool) error {
	if err := checkStrength(plain); err != nil {
		return err
	}
	hash, err := password.Hash(plain)
	if err != nil {
		return err
	}
	_, err = dao.Users.Ctx(ctx).WherePri(userID).Data(do.Users{
		PasswordHash: hash, MustChangePassword: boolInt(mustChange), UpdatedAt: gtime.Now(),
	}).Update()
	return err
}

// checkStrength applies the password rule as the client-facing 400 PASSWORD_WEAK.
func checkStrength(plain string) error {
	p := passwordPolicy()
	if password.CheckPolicy(plain, p) != nil {
		if p.Symbol {
			return errs.PasswordNeedsSymbol.New(p.MinLength)
		}
		return errs.PasswordWeak.New(p.MinLength)
	}
	return nil
}

func mustGet(ctx context.Context, id int64) (*entity.Users, error) {
	var u entity.Users
	if err := dao.Users.Ctx(ctx).WherePri(id).Scan(&u); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if u.Id == 0 {
		return nil, errs.NotFound.New()
	}
	return &u, nil
}

// avatarURL is the avatar for Vben: null when none is set, since the panel replaces only a
// null avatar with its default picture ("" would show a broken image).
func avatarURL(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
