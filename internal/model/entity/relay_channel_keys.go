// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayChannelKeys is the golang structure for table relay_channel_keys.
type RelayChannelKeys struct {
	Id             int64       `json:"id"             orm:"id"              description:""`
	ChannelId      int64       `json:"channelId"      orm:"channel_id"      description:""`
	Secret         string      `json:"secret"         orm:"secret"          description:""`
	Hint           string      `json:"hint"           orm:"hint"            description:""`
	Status         int         `json:"status"         orm:"status"          description:""`
	StatusReason   string      `json:"statusReason"   orm:"status_reason"   description:""`
	ProbeSuccesses int         `json:"probeSuccesses" orm:"probe_successes" description:""`
	CreatedAt      *gtime.Time `json:"createdAt"      orm:"created_at"      description:""`
	UpdatedAt      *gtime.Time `json:"updatedAt"      orm:"updated_at"      description:""`
}
