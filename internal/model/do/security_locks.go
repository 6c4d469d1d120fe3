// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// SecurityLocks is the golang structure of table security_locks for DAO operations like Where/Data.
type SecurityLocks struct {
	g.Meta    `orm:"table:security_locks, do:true"`
	Id        any         //
	UserId    any         //
	EventId   any         //
	Reason    any         //
	LockedAt  *gtime.Time //
	ExpiresAt *gtime.Time //
	LiftedAt  *gtime.Time //
	LiftedBy  any         //
}
