// Package v1 is the system administration API: users and agents (admin-api.md "users and
// agents"). Every route here is checked against RBAC (no `auth` tag) and then against the
// caller's data scope.
package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// UserItem is one account as the panel lists it. Times are RFC 3339 in the display time zone.
type UserItem struct {
	Id                 int64   `json:"id"`
	Username           string  `json:"username"`
	Role               string  `json:"role"               dc:"super-admin, agent-admin or agent"`
	Status             int     `json:"status"             dc:"1 enabled, 0 disabled, 2 pending email verification"`
	ParentId           int64   `json:"parentId"           dc:"the user that created this one (0 for the super-admin)"`
	RealName           string  `json:"realName"`
	Email              string  `json:"email"`
	Phone              string  `json:"phone"              dc:"mobile number for SMS alerts; empty: none"`
	Remark             string  `json:"remark"`
	MustChangePassword bool    `json:"mustChangePassword" dc:"an admin-set password not yet changed by its owner"`
	InviteCode         string  `json:"inviteCode,omitempty" dc:"agent-admins only: the code agents register with"`
	LastLoginAt        *string `json:"lastLoginAt"        dc:"null when never logged in"`
	LastLoginIp        string  `json:"lastLoginIp"`
	CreatedAt          string  `json:"createdAt"`
}

type UserListReq struct {
	g.Meta `path:"/system/user/list" method:"get" tags:"系统 System" summary:"List users in the caller's scope; sortBy: id, username, createdAt, lastLoginAt"`
	common.PageReq
	Username string `json:"username" v:"max-length:128|regex:^[A-Za-z0-9_.@-]*$" dc:"substring of the username (a staff name or a customer's email), any case"`
	Role     string `json:"role"     v:"in:super-admin,agent-admin,agent,member" dc:"exact role"`
	Status   *int   `json:"status"   v:"in:0,1,2"                             dc:"exact status"`
	ParentId int64  `json:"parentId" v:"min:0"                                dc:"direct children of this user"`
}

type UserListRes struct {
	Items []UserItem `json:"items"`
	Total int        `json:"total" dc:"rows matching the filter, over all pages"`
}

type UserGetReq struct {
	g.Meta `path:"/system/user/{id}" method:"get" tags:"系统 System" summary:"One user in the caller's scope"`
	Id     int64 `json:"id" in:"path" v:"min:1" dc:"user id"`
}

type UserGetRes struct {
	UserItem
}

type UserCreateReq struct {
	g.Meta   `path:"/system/user" method:"post" tags:"系统 System" summary:"Create a user under the caller: the super-admin creates agent-admins (or agents), an agent-admin creates agents" idempotent:"true"`
	Username string `json:"username" v:"required"                               dc:"login name: a letter first, then letters, digits and underscores, 4 to 32 characters; stored lower-case, unique in any case"`
	Password string `json:"password" v:"required|length:8,72"                   dc:"initial password; the user must change it at first login"`
	Role     string `json:"role"     v:"required|in:super-admin,agent-admin,agent" dc:"agent-admin or agent"`
	Email    string `json:"email"    v:"email|max-length:128"                   dc:"optional, unique"`
	Phone    string `json:"phone"    v:"regex:^(\\+?[0-9]{6,15})?$"            dc:"optional mobile number (digits, optional leading +) where SMS alerts reach the user"`
	RealName string `json:"realName" v:"max-length:64"                          dc:"display name"`
	Remark   string `json:"remark"   v:"max-length:255"                         dc:"note"`
	// InitialQuota moves in the user's own transaction: no user without its quota, no quota
	// without its user.
	InitialQuota int64 `json:"initialQuota" v:"min:0|max:100000000000" dc:"units the new user starts with: a system credit when the super-admin creates it, otherwise taken from the creator's available quota (409 QUOTA_INSUFFICIENT and no user when it has less); 0 or absent: none"`
}

type UserCreateRes struct {
	UserItem
}

type UserUpdateReq struct {
	g.Meta   `path:"/system/user/{id}" method:"put" tags:"系统 System" summary:"Edit a user's profile; absent fields stay as they are, an empty email clears it"`
	Id       int64   `json:"id"       in:"path" v:"min:1"     dc:"user id"`
	RealName *string `json:"realName" v:"max-length:64"         dc:"display name"`
	Email    *string `json:"email"    v:"email|max-length:128"  dc:"unique; empty clears it"`
	Phone    *string `json:"phone"    v:"regex:^(\\+?[0-9]{6,15})?$" dc:"mobile number for SMS alerts; empty clears it"`
	Remark   *string `json:"remark"   v:"max-length:255"        dc:"note"`
}

type UserUpdateRes struct {
	UserItem
}

type UserStatusReq struct {
	g.Meta `path:"/system/user/{id}/status" method:"put" tags:"系统 System" summary:"Enable (1) or disable (0) a user; disabling ends its sessions"`
	Id     int64 `json:"id"     in:"path" v:"min:1"     dc:"user id"`
	Status *int  `json:"status" v:"required|in:0,1"      dc:"1 enabled, 0 disabled"`
}

type UserStatusRes struct{}

type UserPasswordReq struct {
	g.Meta   `path:"/system/user/{id}/password" method:"put" tags:"系统 System" summary:"Set a user's password; its sessions end and it must change the password at next login" sensitive:"password"`
	Id       int64  `json:"id"       in:"path" v:"min:1"  dc:"user id"`
	Password string `json:"password" v:"required|length:8,72" dc:"the new password"`
}

type UserPasswordRes struct{}
