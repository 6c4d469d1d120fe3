package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

type ChannelCheckReq struct {
	g.Meta `path:"/relay/channels/{id}/test" method:"post" tags:"AI 中转 Relay" summary:"Test a channel now (synchronous, at most 30 s, changes nothing but its latency)"`
	Id     int64  `json:"id"    in:"path" v:"required|min:1"`
	Model  string `json:"model" v:"max-length:128" dc:"absent: the channel's testModel, else its first model"`
}

// ChannelCheckRes is one test call's outcome; message is sanitized (no key, no upstream host).
type ChannelCheckRes struct {
	ChannelId  int64  `json:"channelId"`
	Ok         bool   `json:"ok"`
	HttpStatus int    `json:"httpStatus"`
	LatencyMs  int64  `json:"latencyMs"`
	Model      string `json:"model"`
	Message    string `json:"message"`
}

type ChannelCheckAllReq struct {
	g.Meta `path:"/relay/channels/test-all" method:"post" tags:"AI 中转 Relay" summary:"Test channels in the background"`
	Ids    []int64 `json:"ids" v:"max-length:1000" dc:"absent: every channel"`
}

type ChannelCheckAllRes struct {
	TaskId string `json:"taskId"`
}

type TaskGetReq struct {
	g.Meta `path:"/relay/tasks/{taskId}" method:"get" tags:"AI 中转 Relay" summary:"A background test's progress (kept 24 h)"`
	TaskId string `json:"taskId" in:"path" v:"required|length:32,32"`
}

// TaskGetRes is a test-all task: status running|done.
type TaskGetRes struct {
	Status  string            `json:"status"`
	Total   int               `json:"total"`
	Done    int               `json:"done"`
	Ok      int               `json:"ok"`
	Failed  int               `json:"failed"`
	Results []ChannelCheckRes `json:"results"`
}

type ChannelEventsReq struct {
	g.Meta `path:"/relay/channels/{id}/events" method:"get" tags:"AI 中转 Relay" summary:"A channel's events, newest first"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
	common.PageReq
}

type ChannelEventItem struct {
	Id         int64   `json:"id"`
	ChannelId  int64   `json:"channelId"`
	KeyId      int64   `json:"keyId"      dc:"0: the channel itself"`
	Kind       string  `json:"kind"`
	Model      string  `json:"model"`
	Reason     string  `json:"reason"`
	OperatorId int64   `json:"operatorId" dc:"0: automation"`
	CreatedAt  *string `json:"createdAt"`
}

type ChannelEventsRes struct {
	Items []ChannelEventItem `json:"items"`
	Total int                `json:"total"`
}
