package v1

import "github.com/gogf/gf/v2/frame/g"

type RegisterReq struct {
	g.Meta     `path:"/auth/register" method:"post" tags:"认证 Auth" summary:"Agent self-registration; mails a verification link valid 24 h" auth:"public"`
	Username   string `json:"username"   v:"required"                      dc:"login name: a letter first, then letters, digits and underscores, 4 to 32 characters; stored lower-case"`
	Password   string `json:"password"   v:"required|length:8,72"          dc:"at least 8 characters with letters and digits"`
	Email      string `json:"email"      v:"required|email|max-length:128" dc:"the verification link goes here"`
	RealName   string `json:"realName"   v:"max-length:64"                 dc:"display name"`
	InviteCode string `json:"inviteCode" v:"max-length:32"                 dc:"an agent-admin's invite code; the new agent is placed under that agent-admin"`
}

// RegisterRes is empty: an answer naming the new account would differ from the one given
// when the email already has an account, which must look the same.
type RegisterRes struct{}

type VerifyEmailReq struct {
	g.Meta `path:"/auth/register/verify" method:"post" tags:"认证 Auth" summary:"Confirm the email of a self-registered account" auth:"public"`
	Token  string `json:"token" v:"required|length:16,128" dc:"the token from the mailed link"`
}

type VerifyEmailRes struct{}

type ForgotPasswordReq struct {
	g.Meta `path:"/auth/password/forgot" method:"post" tags:"认证 Auth" summary:"Mail a password reset link valid 1 h (answers the same whether or not the email exists)" auth:"public"`
	Email  string `json:"email" v:"required|email|max-length:128" dc:"account email"`
}

type ForgotPasswordRes struct{}

type ResetPasswordReq struct {
	g.Meta   `path:"/auth/password/reset" method:"post" tags:"认证 Auth" summary:"Set a new password with a reset token" auth:"public"`
	Token    string `json:"token"    v:"required|length:16,128" dc:"the token from the mailed link"`
	Password string `json:"password" v:"required|length:8,72"   dc:"the new password"`
}

type ResetPasswordRes struct{}

type ResendVerificationReq struct {
	g.Meta `path:"/auth/register/resend" method:"post" tags:"认证 Auth" summary:"Mail a new verification link to a sign-up still waiting for it (answers the same whether or not there is one)" auth:"public"`
	Email  string `json:"email" v:"required|email|max-length:128" dc:"the email the sign-up was made with"`
}

type ResendVerificationRes struct{}
