package user

import (
	"context"

	authv1 "kami/api/auth/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/infra/peer"
	"kami/internal/infra/throttle"
	"kami/internal/model/entity"
	"kami/utility/dbx"
	"kami/utility/ratelimit"
	"kami/utility/token"
)

// resendLimit caps verification mails per email and client IP (seed 001 §1.1: the link can be
// asked for again, within limits), so nobody floods a mailbox through it.
var resendLimit = ratelimit.PerHour(5)

// ResendVerification mails a fresh verification link to the pending sign-up of email, if there
// is one; the older links die. Like ForgotPassword it answers the same in every case, after the
// same constant work, with the lookup and the mail in the background.
func (s *sUser) ResendVerification(ctx context.Context, req *authv1.ResendVerificationReq) (*authv1.ResendVerificationRes, error) {
	email, ip := normEmail(req.Email), peer.RequestIP(ctx)
	if n := forgotPerIPPerHour(); n > 0 {
		if err := throttle.Allow(ctx, "resend-ip:"+ip, ratelimit.PerHour(n)); err != nil {
			return nil, err
		}
	}
	if err := throttle.Allow(ctx, "resend:"+token.Hash(email)+":"+ip, resendLimit); err != nil {
		return nil, err
	}
	runInBackground(ctx, "verification mail", func(ctx context.Context) error {
		return s.mailVerifyAgain(ctx, email)
	})
	return &authv1.ResendVerificationRes{}, nil
}

func (s *sUser) mailVerifyAgain(ctx context.Context, email string) error {
	cols := dao.Users.Columns()
	var u entity.Users
	err := dao.Users.Ctx(ctx).Where(cols.Email, email).Where(cols.Status, consts.StatusPending).Scan(&u)
	if err != nil && !dbx.IsNoRows(err) {
		return err
	}
	if u.Id == 0 {
		return nil
	}
	if err = s.burnTokens(ctx, u.Id, purposeVerify); err != nil {
		return err
	}
	tok, err := s.issueToken(ctx, u.Id, purposeVerify, verifyTTL())
	if err != nil {
		return err
	}
	return s.deliver(ctx, mailWithLink(ctx, "verify", &u, s.panelLink("verify-email", tok), verifyTTL()))
}
