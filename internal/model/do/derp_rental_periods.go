// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpRentalPeriods is the golang structure of table derp_rental_periods for DAO operations like Where/Data.
type DerpRentalPeriods struct {
	g.Meta       `orm:"table:derp_rental_periods, do:true"`
	Id           any         //
	RentalId     any         //
	Kind         any         //
	OrderId      any         //
	SerialId     any         //
	PlanId       any         //
	Days         any         //
	TrafficBytes any         //
	StartsAt     *gtime.Time //
	EndsAt       *gtime.Time //
	ActorId      any         //
	CreatedAt    *gtime.Time //
	UpdatedAt    *gtime.Time //
}
