// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpRentals is the golang structure of table derp_rentals for DAO operations like Where/Data.
type DerpRentals struct {
	g.Meta             `orm:"table:derp_rentals, do:true"`
	Id                 any         //
	RentalNo           any         //
	UserId             any         //
	DistributorId      any         //
	PlanId             any         //
	State              any         //
	SuspendReason      any         //
	HoldReason         any         //
	StartedAt          *gtime.Time //
	ExpiresAt          *gtime.Time //
	TrafficQuotaBytes  any         //
	TrafficUsedBytes   any         //
	TrafficNoticeAt    *gtime.Time //
	MaxDevices         any         //
	OmitDefaultRegions any         //
	LearnUntil         *gtime.Time //
	PlacementDegraded  any         //
	AclVersion         any         //
	AutoRenew          any         //
	DeregisteredAt     *gtime.Time //
	CreatedAt          *gtime.Time //
	UpdatedAt          *gtime.Time //
}
