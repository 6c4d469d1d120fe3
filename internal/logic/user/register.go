package user

import (
	"context"
	"kami/utility/dbx"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/i18n/gi18n"
	"github.com/gogf/gf/v2/os/gtime"

	authv1 "kami/api/auth/v1"
	"kami/internal/adapter/smtpmail"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/peer"
	"kami/internal/infra/throttle"
	"kami/internal/model/entity"
	"kami/utility/password"
	"kami/utility/ratelimit"
)

// registerLimit caps sign-ups per client IP: each one writes a row and sends a mail.
var registerLimit = ratelimit.PerHour(10)

// Register creates a pending agent under the agent-admin whose invite code was given and mails
// a verification link; the account can log in only after the link is opened. A code is
// required: agents are recruited by an agent-admin, so a stranger cannot open an account
// directly under the platform.
//
// An email that already has an account gets exactly the answer of a fresh registration, after
// the same password hashing, and its owner a notice instead of a link: the endpoint does not
// tell who has an account. A taken username is still refused (409): a login name cannot be
// kept secret from someone choosing one.
func (s *sUser) Register(ctx context.Context, req *authv1.RegisterReq) (*authv1.RegisterRes, error) {
	if !registerOpen() {
		return nil, errs.RegisterClosed.New()
	}
	if err := throttle.Allow(ctx, "register:"+peer.RequestIP(ctx), registerLimit); err != nil {
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
	// The checks insertUser makes, in its order, so both paths refuse the same inputs alike.
	if err = checkStrength(u.PasswordPlain); err != nil {
		return nil, err
	}
	if err = checkUnique(ctx, u.Username, "", 0); err != nil {
		return nil, err
	}
	owner, err := emailOwner(ctx, u.Email)
	if err != nil {
		return nil, err
	}
	if owner != nil {
		_, _ = password.Hash(u.PasswordPlain) // the work a fresh registration does
		return s.alreadyRegistered(ctx, owner)
	}
	var token string
	_, err = insertUser(ctx, u, func(ctx context.Context, id int64) (err error) {
		token, err = s.issueToken(ctx, id, purposeVerify, verifyTTL())
		return err
	})
	if isDuplicateEmail(err, u.Email) {
		// Registered by a request racing with this one: answer as if it had come first.
		owner, lookupErr := emailOwner(ctx, u.Email)
		if lookupErr != nil {
			return nil, lookupErr
		}
		if owner != nil {
			return s.alreadyRegistered(ctx, owner)
		}
	}
	if err != nil {
		return nil, err
	}
	s.sendLater(ctx, mailWithLink(ctx, "verify", &entity.Users{
		Username: u.Username, RealName: u.RealName, Email: u.Email,
	}, s.panelLink("verify-email", token), verifyTTL()))
	return &authv1.RegisterRes{}, nil
}

// alreadyRegistered tells the owner of an email someone tried to register with it, and answers
// as a fresh registration does.
func (s *sUser) alreadyRegistered(ctx context.Context, owner *entity.Users) (*authv1.RegisterRes, error) {
	s.sendLater(ctx, smtpmail.Message{
		To:      owner.Email,
		Subject: gi18n.T(ctx, "mail.registered.subject"),
		Text:    gi18n.Tf(ctx, "mail.registered.body", displayName(owner), owner.Username),
	})
	return &authv1.RegisterRes{}, nil
}

// emailOwner is the account holding email (in any status), or nil.
func emailOwner(ctx context.Context, email string) (*entity.Users, error) {
	var u entity.Users
	err := dao.Users.Ctx(ctx).Where(dao.Users.Columns().Email, email).Scan(&u)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if u.Id == 0 {
		return nil, nil
	}
	return &u, nil
}

// isDuplicateEmail says whether err is the 409 for email being taken (checkUnique and
// duplicateErr both name the taken value).
func isDuplicateEmail(err error, email string) bool {
	e, ok := errs.As(err)
	return ok && errs.Is(err, errs.Duplicate) && len(e.Args()) > 0 && e.Args()[0] == email
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
		userID, err := s.consumeToken(ctx, req.Token, purposeVerify)
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
