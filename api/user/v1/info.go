package v1

import "github.com/gogf/gf/v2/frame/g"

type InfoReq struct {
	g.Meta `path:"/user/info" method:"get" tags:"用户 User" summary:"The logged-in user" auth:"login"`
}

type InfoRes struct {
	UserID   int64    `json:"userId"`
	Username string   `json:"username"`
	RealName string   `json:"realName"`
	Avatar   *string  `json:"avatar"   dc:"image URL, or null: the panel then shows its default avatar (it falls back only on null)"`
	Email    string   `json:"email"`
	Roles    []string `json:"roles"`
	HomePath string   `json:"homePath"`
	Desc     string   `json:"desc"`
	// MustChangePassword tells the panel to route to the password form first.
	MustChangePassword bool `json:"mustChangePassword"`
}

type ChangePasswordReq struct {
	g.Meta      `path:"/user/password" method:"put" tags:"用户 User" summary:"Change own password; other sessions are revoked" auth:"login" sensitive:"password"`
	OldPassword string `json:"oldPassword" v:"required|max-length:128" dc:"current password"`
	NewPassword string `json:"newPassword" v:"required|length:8,72"   dc:"new password"`
}

type ChangePasswordRes struct{}
