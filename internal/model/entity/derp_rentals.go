// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpRentals is the golang structure for table derp_rentals.
type DerpRentals struct {
	Id                 int64       `json:"id"                 orm:"id"                   description:""`
	RentalNo           string      `json:"rentalNo"           orm:"rental_no"            description:""`
	UserId             int64       `json:"userId"             orm:"user_id"              description:""`
	DistributorId      int64       `json:"distributorId"      orm:"distributor_id"       description:""`
	PlanId             int64       `json:"planId"             orm:"plan_id"              description:""`
	State              string      `json:"state"              orm:"state"                description:""`
	SuspendReason      string      `json:"suspendReason"      orm:"suspend_reason"       description:""`
	HoldReason         string      `json:"holdReason"         orm:"hold_reason"          description:""`
	StartedAt          *gtime.Time `json:"startedAt"          orm:"started_at"           description:""`
	ExpiresAt          *gtime.Time `json:"expiresAt"          orm:"expires_at"           description:""`
	TrafficQuotaBytes  int64       `json:"trafficQuotaBytes"  orm:"traffic_quota_bytes"  description:""`
	TrafficUsedBytes   int64       `json:"trafficUsedBytes"   orm:"traffic_used_bytes"   description:""`
	TrafficNoticeAt    *gtime.Time `json:"trafficNoticeAt"    orm:"traffic_notice_at"    description:""`
	MaxDevices         int         `json:"maxDevices"         orm:"max_devices"          description:""`
	OmitDefaultRegions int         `json:"omitDefaultRegions" orm:"omit_default_regions" description:""`
	LearnUntil         *gtime.Time `json:"learnUntil"         orm:"learn_until"          description:""`
	PlacementDegraded  int         `json:"placementDegraded"  orm:"placement_degraded"   description:""`
	AclVersion         int         `json:"aclVersion"         orm:"acl_version"          description:""`
	AutoRenew          int         `json:"autoRenew"          orm:"auto_renew"           description:""`
	DeregisteredAt     *gtime.Time `json:"deregisteredAt"     orm:"deregistered_at"      description:""`
	CreatedAt          *gtime.Time `json:"createdAt"          orm:"created_at"           description:""`
	UpdatedAt          *gtime.Time `json:"updatedAt"          orm:"updated_at"           description:""`
}
