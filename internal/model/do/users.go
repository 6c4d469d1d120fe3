// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// Users is the golang structure of table users for DAO operations like Where/Data.
type Users struct {
	g.Meta             `orm:"table:users, do:true"`
	Id                 any         //
	Username           any         //
	PasswordHash       any         //
	Role               any         //
	ParentId           any         //
	Path               any         //
	RealName           any         //
	Email              any         //
	EmailVerified      any         //
	Avatar             any         //
	Remark             any         //
	Status             any         //
	MustChangePassword any         //
	InviteCode         any         //
	LastLoginAt        *gtime.Time //
	LastLoginIp        any         //
	CreatedAt          *gtime.Time //
	UpdatedAt          *gtime.Time //
	UsernameKey        any         //
	Phone              any         //
}
