package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// LogItem is one relay request. The channel fields (channelId … nodeId) are the super-admin's
// only: they are absent for every other role.
type LogItem struct {
	RequestId        string  `json:"requestId"`
	CreatedAt        *string `json:"createdAt"`
	UserId           int64   `json:"userId"`
	Username         string  `json:"username"`
	TokenId          int64   `json:"tokenId"`
	TokenName        string  `json:"tokenName"`
	Group            string  `json:"group"`
	Model            string  `json:"model"`
	IsStream         bool    `json:"isStream"`
	Status           string  `json:"status"`
	HttpStatus       int     `json:"httpStatus"`
	ErrorCode        string  `json:"errorCode"`
	PromptTokens     int64   `json:"promptTokens"`
	CompletionTokens int64   `json:"completionTokens"`
	CachedTokens     int64   `json:"cachedTokens"`
	UsageSource      string  `json:"usageSource"`
	ModelRatio       string  `json:"modelRatio"`
	CompletionRatio  string  `json:"completionRatio"`
	CacheRatio       string  `json:"cacheRatio"`
	GroupRatio       string  `json:"groupRatio"`
	ModelPrice       string  `json:"modelPrice"`
	PreQuota         int64   `json:"preQuota"`
	Quota            int64   `json:"quota"`
	Uncollected      int64   `json:"uncollected"`
	SettleState      string  `json:"settleState" dc:"pending|committed|released"`
	TtfbMs           int     `json:"ttfbMs"`
	LatencyMs        int     `json:"latencyMs"`
	ClientIp         string  `json:"clientIp"`
	ChannelId        *int64  `json:"channelId,omitempty"`
	ChannelName      *string `json:"channelName,omitempty"`
	KeyId            *int64  `json:"keyId,omitempty"`
	UpstreamModel    *string `json:"upstreamModel,omitempty"`
	Attempts         *int    `json:"attempts,omitempty"`
	ErrorMessage     *string `json:"errorMessage,omitempty"`
	NodeId           *string `json:"nodeId,omitempty"`
}

// LogFilter is the filter of the list (and, later, the export).
type LogFilter struct {
	UserId    int64  `json:"userId"    v:"min:0"`
	TokenId   int64  `json:"tokenId"   v:"min:0"`
	ChannelId int64  `json:"channelId" v:"min:0" dc:"super-admin only; ignored for other roles"`
	Model     string `json:"model"     v:"max-length:128"`
	Status    string `json:"status"    v:"max-length:16"`
	IsStream  *bool  `json:"isStream"`
	RequestId string `json:"requestId" v:"max-length:32"`
	StartTime string `json:"startTime" dc:"RFC 3339, inclusive"`
	EndTime   string `json:"endTime"   dc:"RFC 3339, exclusive"`
}

type LogListReq struct {
	g.Meta `path:"/relay/logs/list" method:"get" tags:"AI 中转 Relay" summary:"Relay request logs in the caller's scope"`
	common.PageReq
	LogFilter
}

type LogListRes struct {
	Items []LogItem `json:"items"`
	Total int       `json:"total"`
}

type LogExportReq struct {
	g.Meta `path:"/relay/logs/export" method:"get" tags:"AI 中转 Relay" summary:"Download every relay log of the filter as .xlsx (streamed)" mime:"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"`
	LogFilter
}

type LogExportRes struct{}
