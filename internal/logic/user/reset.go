package user

import (
	"context"
	"kami/utility/dbx"
	"kami/utility/token"

	"github.com/gogf/gf/v2/database/gdb"

	authv1 "kami/api/auth/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/peer"
	"kami/internal/infra/throttle"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/ratelimit"
)

// forgotLimit caps reset mails per email and client IP, so nobody can flood a mailbox.
var forgotLimit = ratelimit.PerHour(5)

// ForgotPassword mails a reset link when the email belongs to an enabled account, and answers
// exactly the same either way so the endpoint cannot be used to find out which emails exist.
// The request does the same constant work in both cases (two rate limits and a queue slot):
// the lookup, the token and the mail happen in the background, so neither the answer nor its
// timing depends on whether the email is known.
func (s *sUser) ForgotPassword(ctx context.Context, req *authv1.ForgotPasswordReq) (*authv1.ForgotPasswordRes, error) {
	email, ip := normEmail(req.Email), peer.RequestIP(ctx)
	// The limits apply whether or not the email exists, so a 429 reveals nothing either. The
	// per-IP one stops a single client walking a list of addresses.
	if n := forgotPerIPPerHour(); n > 0 {
		if err := throttle.Allow(ctx, "forgot-ip:"+ip, ratelimit.PerHour(n)); err != nil {
			return nil, err
		}
	}
	if err := throttle.Allow(ctx, "forgot:"+token.Hash(email)+":"+ip, forgotLimit); err != nil {
		return nil, err
	}
	runInBackground(ctx, "password reset mail", func(ctx context.Context) error {
		return s.mailResetLink(ctx, email)
	})
	return &authv1.ForgotPasswordRes{}, nil
}

// mailResetLink issues a reset token for the enabled account of email, if there is one, and
// mails the link to it.
func (s *sUser) mailResetLink(ctx context.Context, email string) error {
	cols := dao.Users.Columns()
	var u entity.Users
	err := dao.Users.Ctx(ctx).Where(cols.Email, email).Where(cols.Status, consts.StatusEnabled).Scan(&u)
	if err != nil && !dbx.IsNoRows(err) {
		return err
	}
	if u.Id == 0 {
		return nil
	}
	tok, err := s.issueToken(ctx, u.Id, purposeReset, resetTTL())
	if err != nil {
		return err
	}
	return s.deliver(ctx, mailWithLink(ctx, "reset", &u, s.panelLink("reset-password", tok), resetTTL()))
}

// ResetPassword sets a new password with a reset token. The password is checked before the
// token is spent, so a too-weak try does not burn the link. Every session of the user ends,
// every other reset link dies with this one, and the owner is told by mail.
func (s *sUser) ResetPassword(ctx context.Context, req *authv1.ResetPasswordReq) (*authv1.ResetPasswordRes, error) {
	if err := checkStrength(req.Password); err != nil {
		return nil, err
	}
	var u *entity.Users
	err := dao.Users.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		userID, err := s.consumeToken(ctx, req.Token, purposeReset)
		if err != nil {
			return err
		}
		if u, err = mustGet(ctx, userID); err != nil {
			return err
		}
		if u.Status != consts.StatusEnabled {
			// Disabled since the link was sent: the link must not undo an admin's decision.
			return errs.TokenInvalid.New()
		}
		if err = storePassword(ctx, u.Id, req.Password, false); err != nil {
			return err
		}
		if err = s.burnTokens(ctx, u.Id, purposeReset); err != nil {
			return err
		}
		if err = service.Middleware().AuditInTx(ctx, tx); err != nil {
			return err
		}
		return service.Auth().RevokeUserSessions(ctx, u.Id, "", "password_reset")
	})
	if err != nil {
		return nil, err
	}
	s.notifyPasswordChanged(ctx, u)
	return &authv1.ResetPasswordRes{}, nil
}
