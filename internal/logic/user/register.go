package user

import (
	"context"

	authv1 "kami/api/auth/v1"
	"kami/internal/errs"
)

// Placeholders: self-registration and password reset by mail land with the users module.

func (s *sUser) Register(ctx context.Context, req *authv1.RegisterReq) (*authv1.RegisterRes, error) {
	return nil, errs.RegisterClosed.New()
}

func (s *sUser) VerifyEmail(ctx context.Context, req *authv1.VerifyEmailReq) (*authv1.VerifyEmailRes, error) {
	return nil, errs.TokenInvalid.New()
}

func (s *sUser) ForgotPassword(ctx context.Context, req *authv1.ForgotPasswordReq) (*authv1.ForgotPasswordRes, error) {
	return nil, errs.RegisterClosed.New()
}

func (s *sUser) ResetPassword(ctx context.Context, req *authv1.ResetPasswordReq) (*authv1.ResetPasswordRes, error) {
	return nil, errs.TokenInvalid.New()
}
