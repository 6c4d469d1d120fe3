// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpDevices is the golang structure for table derp_devices.
type DerpDevices struct {
	Id         int64       `json:"id"         orm:"id"           description:""`
	RentalId   int64       `json:"rentalId"   orm:"rental_id"    description:""`
	NodeKey    string      `json:"nodeKey"    orm:"node_key"     description:""`
	Name       string      `json:"name"       orm:"name"         description:""`
	Status     string      `json:"status"     orm:"status"       description:""`
	Source     string      `json:"source"     orm:"source"       description:""`
	Ips        string      `json:"ips"        orm:"ips"          description:""`
	LastSeenAt *gtime.Time `json:"lastSeenAt" orm:"last_seen_at" description:""`
	CreatedAt  *gtime.Time `json:"createdAt"  orm:"created_at"   description:""`
	UpdatedAt  *gtime.Time `json:"updatedAt"  orm:"updated_at"   description:""`
}
