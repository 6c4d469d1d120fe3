// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// Users is the golang structure for table users.
type Users struct {
	Id                 int64       `json:"id"                 orm:"id"                   description:""`
	Username           string      `json:"username"           orm:"username"             description:""`
	PasswordHash       string      `json:"passwordHash"       orm:"password_hash"        description:""`
	Role               string      `json:"role"               orm:"role"                 description:""`
	ParentId           int64       `json:"parentId"           orm:"parent_id"            description:""`
	Path               string      `json:"path"               orm:"path"                 description:""`
	RealName           string      `json:"realName"           orm:"real_name"            description:""`
	Email              string      `json:"email"              orm:"email"                description:""`
	EmailVerified      int         `json:"emailVerified"      orm:"email_verified"       description:""`
	Avatar             string      `json:"avatar"             orm:"avatar"               description:""`
	Remark             string      `json:"remark"             orm:"remark"               description:""`
	Status             int         `json:"status"             orm:"status"               description:""`
	MustChangePassword int         `json:"mustChangePassword" orm:"must_change_password" description:""`
	InviteCode         string      `json:"inviteCode"         orm:"invite_code"          description:""`
	LastLoginAt        *gtime.Time `json:"lastLoginAt"        orm:"last_login_at"        description:""`
	LastLoginIp        string      `json:"lastLoginIp"        orm:"last_login_ip"        description:""`
	CreatedAt          *gtime.Time `json:"createdAt"          orm:"created_at"           description:""`
	UpdatedAt          *gtime.Time `json:"updatedAt"          orm:"updated_at"           description:""`
	UsernameKey        string      `json:"usernameKey"        orm:"username_key"         description:""`
	Phone              string      `json:"phone"              orm:"phone"                description:""`
}
