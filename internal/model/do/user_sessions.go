// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// UserSessions is the golang structure of table user_sessions for DAO operations like Where/Data.
type UserSessions struct {
	g.Meta       `orm:"table:user_sessions, do:true"`
	Id           any         //
	UserId       any         //
	RefreshHash  any         //
	Ip           any         //
	UserAgent    any         //
	ExpiresAt    *gtime.Time //
	RevokedAt    *gtime.Time //
	RevokeReason any         //
	LastUsedAt   *gtime.Time //
	CreatedAt    *gtime.Time //
	PrevHash     any         //
	RotatedAt    *gtime.Time //
	Generation   any         //
}
