// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpRentalPeriods is the golang structure for table derp_rental_periods.
type DerpRentalPeriods struct {
	Id           int64       `json:"id"           orm:"id"            description:""`
	RentalId     int64       `json:"rentalId"     orm:"rental_id"     description:""`
	Kind         string      `json:"kind"         orm:"kind"          description:""`
	OrderId      int64       `json:"orderId"      orm:"order_id"      description:""`
	SerialId     int64       `json:"serialId"     orm:"serial_id"     description:""`
	PlanId       int64       `json:"planId"       orm:"plan_id"       description:""`
	Days         int         `json:"days"         orm:"days"          description:""`
	TrafficBytes int64       `json:"trafficBytes" orm:"traffic_bytes" description:""`
	StartsAt     *gtime.Time `json:"startsAt"     orm:"starts_at"     description:""`
	EndsAt       *gtime.Time `json:"endsAt"       orm:"ends_at"       description:""`
	ActorId      int64       `json:"actorId"      orm:"actor_id"      description:""`
	CreatedAt    *gtime.Time `json:"createdAt"    orm:"created_at"    description:""`
	UpdatedAt    *gtime.Time `json:"updatedAt"    orm:"updated_at"    description:""`
}
