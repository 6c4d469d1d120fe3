// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// CardDevices is the golang structure for table card_devices.
type CardDevices struct {
	Id         int64       `json:"id"         orm:"id"           description:""`
	CardId     int64       `json:"cardId"     orm:"card_id"      description:""`
	DeviceHash string      `json:"deviceHash" orm:"device_hash"  description:""`
	Device     string      `json:"device"     orm:"device"       description:""`
	BoundAt    *gtime.Time `json:"boundAt"    orm:"bound_at"     description:""`
	UnboundAt  *gtime.Time `json:"unboundAt"  orm:"unbound_at"   description:""`
	LastSeenAt *gtime.Time `json:"lastSeenAt" orm:"last_seen_at" description:""`
}
