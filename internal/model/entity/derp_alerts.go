// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpAlerts is the golang structure for table derp_alerts.
type DerpAlerts struct {
	Id          int64       `json:"id"          orm:"id"           description:""`
	Kind        string      `json:"kind"        orm:"kind"         description:""`
	Severity    string      `json:"severity"    orm:"severity"     description:""`
	ServerId    int64       `json:"serverId"    orm:"server_id"    description:""`
	ContainerId int64       `json:"containerId" orm:"container_id" description:""`
	RentalId    int64       `json:"rentalId"    orm:"rental_id"    description:""`
	Message     string      `json:"message"     orm:"message"      description:""`
	DedupKey    string      `json:"dedupKey"    orm:"dedup_key"    description:""`
	State       string      `json:"state"       orm:"state"        description:""`
	AckedBy     int64       `json:"ackedBy"     orm:"acked_by"     description:""`
	AckedAt     *gtime.Time `json:"ackedAt"     orm:"acked_at"     description:""`
	CreatedAt   *gtime.Time `json:"createdAt"   orm:"created_at"   description:""`
	UpdatedAt   *gtime.Time `json:"updatedAt"   orm:"updated_at"   description:""`
}
