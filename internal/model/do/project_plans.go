// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProjectPlans is the golang structure of table project_plans for DAO operations like Where/Data.
type ProjectPlans struct {
	g.Meta          `orm:"table:project_plans, do:true"`
	Id              any         //
	ProjectId       any         //
	Name            any         //
	DurationSeconds any         //
	Price           any         //
	MaxDevices      any         //
	Status          any         //
	Sort            any         //
	CreatedAt       *gtime.Time //
	UpdatedAt       *gtime.Time //
}
