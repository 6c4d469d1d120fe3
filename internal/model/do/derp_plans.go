// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpPlans is the golang structure of table derp_plans for DAO operations like Where/Data.
type DerpPlans struct {
	g.Meta       `orm:"table:derp_plans, do:true"`
	Id           any         //
	Name         any         //
	Days         any         //
	Price        any         //
	TrafficBytes any         //
	MaxDevices   any         //
	Status       any         //
	Sort         any         //
	CreatedAt    *gtime.Time //
	UpdatedAt    *gtime.Time //
}
