package user

import (
	"context"
	"kami/utility/dbx"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	authv1 "kami/api/auth/v1"
	"kami/internal/config"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra"
	"kami/internal/model/entity"
	"kami/utility/ratelimit"
)

// registerLimit caps sign-ups per client IP: each one writes a row and sends a mail.
var registerLimit = ratelimit.PerHour(10)

// Register creates a pending agent under the agent-admin whose invite code was given and mails
// a verification link; the account can log in only after the link is opened. A code is
// required: agents are recruited by an agent-admin, so a stranger cannot open an account
// directly under the platform.
func (s *sUser) Register(ctx context.Context, req *authv1.RegisterReq) (*authv1.RegisterRes, error) {
	c := config.Get().Register
	if !c.Enabled {
		return nil, errs.RegisterClosed.New()
	}
	if err := infra.Allow(ctx, "register:"+infra.RequestIP(ctx), registerLimit); err != nil {
		return nil, err
	}
	inviter, err := inviterOf(ctx, req.InviteCode)
	if err != nil {
		return nil, err
	}
	u := newUser{
		Username: strings.TrimSpace(req.Username), PasswordPlain: req.Password, Role: consts.RoleAgent,
		Email: normEmail(req.Email), RealName: strings.TrimSpace(req.RealName),
		Status: consts.StatusPending, ParentID: inviter.Id, ParentPath: inviter.Path,
	}
	var token string
	id, err := insertUser(ctx, u, func(ctx context.Context, id int64) (err error) {
		token, err = issueToken(ctx, id, purposeVerify, c.VerifyTTL)
		return err
	})
	if err != nil {
		return nil, err
	}
	sendLater(ctx, mailWithLink(ctx, "verify", &entity.Users{
		Username: u.Username, RealName: u.RealName, Email: u.Email,
	}, panelLink("verify-email", token)))
	return &authv1.RegisterRes{ID: id}, nil
}

// inviterOf finds the enabled agent-admin owning code. Codes are stored upper-case; people
// type them in any case.
func inviterOf(ctx context.Context, code string) (*entity.Users, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		return nil, errs.InviteInvalid.New()
	}
	cols := dao.Users.Columns()
	var u entity.Users
	err := dao.Users.Ctx(ctx).Where(cols.InviteCode, code).Where(cols.Role, consts.RoleAgentAdmin).
		Where(cols.Status, consts.StatusEnabled).Scan(&u)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if u.Id == 0 {
		return nil, errs.InviteInvalid.New()
	}
	return &u, nil
}

// VerifyEmail consumes a verification token: the email is proven and a pending account becomes
// enabled. An account an admin disabled meanwhile stays disabled.
func (s *sUser) VerifyEmail(ctx context.Context, req *authv1.VerifyEmailReq) (*authv1.VerifyEmailRes, error) {
	err := dao.Users.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		userID, err := consumeToken(ctx, req.Token, purposeVerify)
		if err != nil {
			return err
		}
		cols := dao.Users.Columns()
		now := gtime.Now()
		if _, err = dao.Users.Ctx(ctx).WherePri(userID).
			Data(g.Map{cols.EmailVerified: 1, cols.UpdatedAt: now}).Update(); err != nil {
			return err
		}
		_, err = dao.Users.Ctx(ctx).WherePri(userID).Where(cols.Status, consts.StatusPending).
			Data(g.Map{cols.Status: consts.StatusEnabled, cols.UpdatedAt: now}).Update()
		return err
	})
	if err != nil {
		return nil, err
	}
	return &authv1.VerifyEmailRes{}, nil
}
