// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpRentalHistory is the golang structure for table derp_rental_history.
type DerpRentalHistory struct {
	Id               int64       `json:"id"               orm:"id"                 description:""`
	RentalId         int64       `json:"rentalId"         orm:"rental_id"          description:""`
	UserId           int64       `json:"userId"           orm:"user_id"            description:""`
	DistributorId    int64       `json:"distributorId"    orm:"distributor_id"     description:""`
	PlanId           int64       `json:"planId"           orm:"plan_id"            description:""`
	StartedAt        *gtime.Time `json:"startedAt"        orm:"started_at"         description:""`
	ExpiresAt        *gtime.Time `json:"expiresAt"        orm:"expires_at"         description:""`
	DeregisteredAt   *gtime.Time `json:"deregisteredAt"   orm:"deregistered_at"    description:""`
	TrafficUsedBytes int64       `json:"trafficUsedBytes" orm:"traffic_used_bytes" description:""`
	Snapshot         string      `json:"snapshot"         orm:"snapshot"           description:""`
	CreatedAt        *gtime.Time `json:"createdAt"        orm:"created_at"         description:""`
	UpdatedAt        *gtime.Time `json:"updatedAt"        orm:"updated_at"         description:""`
}
