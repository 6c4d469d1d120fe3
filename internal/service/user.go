// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	authv1 "kami/api/auth/v1"
	v1 "kami/api/user/v1"
)

type (
	IUser interface {
		// EnsureAdmin creates the super-admin `admin` on first boot. The password comes from
		// KAMI_ADMIN_PASSWORD or is generated and printed once; a generated one must be changed at first
		// login. InsertIgnore on the unique username keeps two nodes booting together from racing.
		EnsureAdmin(ctx context.Context) error
		// Info is the caller's profile for Vben's /user/info.
		Info(ctx context.Context, _ *v1.InfoReq) (*v1.InfoRes, error)
		// ChangePassword checks the old password, stores the new one, clears the must-change flag and
		// ends every other session of the user; the current one stays so the panel keeps working.
		ChangePassword(ctx context.Context, req *v1.ChangePasswordReq) (*v1.ChangePasswordRes, error)
		Register(ctx context.Context, req *authv1.RegisterReq) (*authv1.RegisterRes, error)
		VerifyEmail(ctx context.Context, req *authv1.VerifyEmailReq) (*authv1.VerifyEmailRes, error)
		ForgotPassword(ctx context.Context, req *authv1.ForgotPasswordReq) (*authv1.ForgotPasswordRes, error)
		ResetPassword(ctx context.Context, req *authv1.ResetPasswordReq) (*authv1.ResetPasswordRes, error)
	}
)

var (
	localUser IUser
)

func User() IUser {
	if localUser == nil {
		panic("implement not found for interface IUser, forgot register?")
	}
	return localUser
}

func RegisterUser(i IUser) {
	localUser = i
}
