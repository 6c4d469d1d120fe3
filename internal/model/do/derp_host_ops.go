// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpHostOps is the golang structure of table derp_host_ops for DAO operations like Where/Data.
type DerpHostOps struct {
	g.Meta      `orm:"table:derp_host_ops, do:true"`
	Id          any         //
	ServerId    any         //
	ContainerId any         //
	Op          any         //
	TargetGen   any         //
	State       any         //
	Attempts    any         //
	NextRunAt   *gtime.Time //
	LeaseOwner  any         //
	LeaseUntil  *gtime.Time //
	LastError   any         //
	CreatedAt   *gtime.Time //
	UpdatedAt   *gtime.Time //
}
