// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpPortSlots is the golang structure of table derp_port_slots for DAO operations like Where/Data.
type DerpPortSlots struct {
	g.Meta      `orm:"table:derp_port_slots, do:true"`
	ServerId    any         //
	Port        any         //
	ContainerId any         //
	State       any         //
	UntilAt     *gtime.Time //
	CreatedAt   *gtime.Time //
	UpdatedAt   *gtime.Time //
}
