// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayLogs is the golang structure for table relay_logs.
type RelayLogs struct {
	Id               int64       `json:"id"               orm:"id"                description:""`
	RequestId        string      `json:"requestId"        orm:"request_id"        description:""`
	UserId           int64       `json:"userId"           orm:"user_id"           description:""`
	TokenId          int64       `json:"tokenId"          orm:"token_id"          description:""`
	TokenName        string      `json:"tokenName"        orm:"token_name"        description:""`
	GroupCode        string      `json:"groupCode"        orm:"group_code"        description:""`
	Model            string      `json:"model"            orm:"model"             description:""`
	UpstreamModel    string      `json:"upstreamModel"    orm:"upstream_model"    description:""`
	ChannelId        int64       `json:"channelId"        orm:"channel_id"        description:""`
	ChannelName      string      `json:"channelName"      orm:"channel_name"      description:""`
	KeyId            int64       `json:"keyId"            orm:"key_id"            description:""`
	IsStream         int         `json:"isStream"         orm:"is_stream"         description:""`
	Status           string      `json:"status"           orm:"status"            description:""`
	HttpStatus       int         `json:"httpStatus"       orm:"http_status"       description:""`
	ErrorCode        string      `json:"errorCode"        orm:"error_code"        description:""`
	ErrorMessage     string      `json:"errorMessage"     orm:"error_message"     description:""`
	PromptTokens     int64       `json:"promptTokens"     orm:"prompt_tokens"     description:""`
	CompletionTokens int64       `json:"completionTokens" orm:"completion_tokens" description:""`
	CachedTokens     int64       `json:"cachedTokens"     orm:"cached_tokens"     description:""`
	UsageSource      string      `json:"usageSource"      orm:"usage_source"      description:""`
	ModelRatio       string      `json:"modelRatio"       orm:"model_ratio"       description:""`
	CompletionRatio  string      `json:"completionRatio"  orm:"completion_ratio"  description:""`
	CacheRatio       string      `json:"cacheRatio"       orm:"cache_ratio"       description:""`
	GroupRatio       string      `json:"groupRatio"       orm:"group_ratio"       description:""`
	ModelPrice       string      `json:"modelPrice"       orm:"model_price"       description:""`
	PreQuota         int64       `json:"preQuota"         orm:"pre_quota"         description:""`
	Quota            int64       `json:"quota"            orm:"quota"             description:""`
	Uncollected      int64       `json:"uncollected"      orm:"uncollected"       description:""`
	ReservationId    int64       `json:"reservationId"    orm:"reservation_id"    description:""`
	SettleState      string      `json:"settleState"      orm:"settle_state"      description:""`
	Final            int         `json:"final"            orm:"final"             description:""`
	Attempts         int         `json:"attempts"         orm:"attempts"          description:""`
	TtfbMs           int         `json:"ttfbMs"           orm:"ttfb_ms"           description:""`
	LatencyMs        int         `json:"latencyMs"        orm:"latency_ms"        description:""`
	ClientIp         string      `json:"clientIp"         orm:"client_ip"         description:""`
	NodeId           string      `json:"nodeId"           orm:"node_id"           description:""`
	CreatedAt        *gtime.Time `json:"createdAt"        orm:"created_at"        description:""`
	SettledAt        *gtime.Time `json:"settledAt"        orm:"settled_at"        description:""`
}
