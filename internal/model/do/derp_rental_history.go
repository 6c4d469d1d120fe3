// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpRentalHistory is the golang structure of table derp_rental_history for DAO operations like Where/Data.
type DerpRentalHistory struct {
	g.Meta           `orm:"table:derp_rental_history, do:true"`
	Id               any         //
	RentalId         any         //
	UserId           any         //
	DistributorId    any         //
	PlanId           any         //
	StartedAt        *gtime.Time //
	ExpiresAt        *gtime.Time //
	DeregisteredAt   *gtime.Time //
	TrafficUsedBytes any         //
	Snapshot         any         //
	CreatedAt        *gtime.Time //
	UpdatedAt        *gtime.Time //
}
