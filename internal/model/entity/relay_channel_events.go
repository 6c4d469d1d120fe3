// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayChannelEvents is the golang structure for table relay_channel_events.
type RelayChannelEvents struct {
	Id         int64       `json:"id"         orm:"id"          description:""`
	ChannelId  int64       `json:"channelId"  orm:"channel_id"  description:""`
	KeyId      int64       `json:"keyId"      orm:"key_id"      description:""`
	Kind       string      `json:"kind"       orm:"kind"        description:""`
	Model      string      `json:"model"      orm:"model"       description:""`
	Reason     string      `json:"reason"     orm:"reason"      description:""`
	OperatorId int64       `json:"operatorId" orm:"operator_id" description:""`
	CreatedAt  *gtime.Time `json:"createdAt"  orm:"created_at"  description:""`
}
