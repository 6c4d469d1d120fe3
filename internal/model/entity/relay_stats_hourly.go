// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayStatsHourly is the golang structure for table relay_stats_hourly.
type RelayStatsHourly struct {
	Hour             string      `json:"hour"             orm:"hour"              description:""`
	UserId           int64       `json:"userId"           orm:"user_id"           description:""`
	Model            string      `json:"model"            orm:"model"             description:""`
	ChannelId        int64       `json:"channelId"        orm:"channel_id"        description:""`
	Requests         int64       `json:"requests"         orm:"requests"          description:""`
	Success          int64       `json:"success"          orm:"success"           description:""`
	Failed           int64       `json:"failed"           orm:"failed"            description:""`
	PromptTokens     int64       `json:"promptTokens"     orm:"prompt_tokens"     description:""`
	CompletionTokens int64       `json:"completionTokens" orm:"completion_tokens" description:""`
	Quota            int64       `json:"quota"            orm:"quota"             description:""`
	UpdatedAt        *gtime.Time `json:"updatedAt"        orm:"updated_at"        description:""`
}
