package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// ChannelKeyItem is one upstream key as the admin API shows it: never the key, only its hint.
type ChannelKeyItem struct {
	Id           int64  `json:"id"`
	Hint         string `json:"hint"`
	Status       int    `json:"status"       dc:"1 on, 0 off by hand, 2 off by automation"`
	StatusReason string `json:"statusReason"`
}

// ChannelCooling is this node's cooling state of a channel (memory, per node); null when none.
type ChannelCooling struct {
	Until *string `json:"until"`
	Trips int     `json:"trips"`
}

// ChannelItem is an upstream channel; keys appear only as hints.
type ChannelItem struct {
	Id                int64             `json:"id"`
	Name              string            `json:"name"`
	Type              string            `json:"type"`
	BaseUrl           string            `json:"baseUrl"`
	Models            []string          `json:"models"`
	ModelMapping      map[string]string `json:"modelMapping"`
	Groups            []string          `json:"groups"`
	Priority          int               `json:"priority"`
	Weight            int               `json:"weight"`
	AutoBan           bool              `json:"autoBan"`
	TestModel         string            `json:"testModel"`
	FirstByteTimeoutS int               `json:"firstByteTimeoutS"`
	IdleTimeoutS      int               `json:"idleTimeoutS"`
	Remark            string            `json:"remark"`
	Status            int               `json:"status"          dc:"1 on, 0 off by hand, 2 off by automation"`
	StatusReason      string            `json:"statusReason"`
	StatusChangedAt   *string           `json:"statusChangedAt"`
	Keys              []ChannelKeyItem  `json:"keys"`
	ResponseTimeMs    int               `json:"responseTimeMs"`
	TestedAt          *string           `json:"testedAt"`
	Cooling           *ChannelCooling   `json:"cooling"`
	Version           int               `json:"version"`
	CreatedAt         *string           `json:"createdAt"`
}

type ChannelListReq struct {
	g.Meta `path:"/relay/channels/list" method:"get" tags:"AI 中转 Relay" summary:"Upstream channels"`
	common.PageReq
	Name   string `json:"name"   v:"max-length:64"`
	Status *int   `json:"status" v:"in:0,1,2"`
	Group  string `json:"group"  v:"max-length:32"`
	Model  string `json:"model"  v:"max-length:128"`
}

type ChannelListRes struct {
	Items []ChannelItem `json:"items"`
	Total int           `json:"total"`
}

type ChannelGetReq struct {
	g.Meta `path:"/relay/channels/{id}" method:"get" tags:"AI 中转 Relay" summary:"One channel"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type ChannelGetRes = ChannelItem

// ChannelFields are the editable fields of a channel, shared by create and update.
type ChannelFields struct {
	Name              string            `json:"name"              v:"required|length:1,64"`
	Type              string            `json:"type"              v:"in:openai" d:"openai"`
	BaseUrl           string            `json:"baseUrl"           v:"required|max-length:512"`
	Models            []string          `json:"models"            v:"required|max-length:500"`
	ModelMapping      map[string]string `json:"modelMapping"      dc:"requested model -> upstream name; keys must be among models"`
	Groups            []string          `json:"groups"            v:"max-length:50" dc:"absent: [\"default\"]"`
	Priority          int               `json:"priority"          v:"between:-1000,1000"`
	Weight            *int              `json:"weight"            v:"between:0,1000" dc:"absent: 1"`
	AutoBan           *bool             `json:"autoBan"           dc:"absent: true"`
	TestModel         string            `json:"testModel"         v:"max-length:128"`
	FirstByteTimeoutS int               `json:"firstByteTimeoutS" v:"between:0,600"`
	IdleTimeoutS      int               `json:"idleTimeoutS"      v:"between:0,3600"`
	Remark            string            `json:"remark"            v:"max-length:255"`
}

type ChannelCreateReq struct {
	g.Meta `path:"/relay/channels" method:"post" tags:"AI 中转 Relay" summary:"Add a channel with its keys"`
	ChannelFields
	Keys []string `json:"keys" v:"required|min-length:1|max-length:100" dc:"1..100 plaintext keys, stored AES-256-GCM"`
}

type ChannelCreateRes = ChannelItem

type ChannelUpdateReq struct {
	g.Meta `path:"/relay/channels/{id}" method:"put" tags:"AI 中转 Relay" summary:"Change a channel (version-guarded)"`
	Id     int64 `json:"id"      in:"path" v:"required|min:1"`
	ChannelFields
	Version int `json:"version" v:"required|min:1" dc:"the version read; another one answers 409 CONFLICT"`
}

type ChannelUpdateRes = ChannelItem

type ChannelDeleteReq struct {
	g.Meta `path:"/relay/channels/{id}" method:"delete" tags:"AI 中转 Relay" summary:"Delete a channel and its keys"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type ChannelDeleteRes struct{}

type ChannelStatusReq struct {
	g.Meta `path:"/relay/channels/{id}/status" method:"put" tags:"AI 中转 Relay" summary:"Switch a channel on or off by hand (always wins over automation)"`
	Id     int64  `json:"id"     in:"path" v:"required|min:1"`
	Status *int   `json:"status" v:"required|in:0,1"`
	Reason string `json:"reason" v:"max-length:255"`
}

type ChannelStatusRes = ChannelItem

type ChannelKeysAddReq struct {
	g.Meta `path:"/relay/channels/{id}/keys" method:"post" tags:"AI 中转 Relay" summary:"Add keys to a channel"`
	Id     int64    `json:"id"   in:"path" v:"required|min:1"`
	Keys   []string `json:"keys" v:"required|min-length:1|max-length:100"`
}

type ChannelKeysAddRes = ChannelItem

type ChannelKeyStatusReq struct {
	g.Meta `path:"/relay/channels/{id}/keys/{keyId}/status" method:"put" tags:"AI 中转 Relay" summary:"Switch one key on or off by hand"`
	Id     int64 `json:"id"     in:"path" v:"required|min:1"`
	KeyId  int64 `json:"keyId"  in:"path" v:"required|min:1"`
	Status *int  `json:"status" v:"required|in:0,1"`
}

type ChannelKeyStatusRes = ChannelItem

type ChannelKeyDeleteReq struct {
	g.Meta `path:"/relay/channels/{id}/keys/{keyId}" method:"delete" tags:"AI 中转 Relay" summary:"Delete one key"`
	Id     int64 `json:"id"    in:"path" v:"required|min:1"`
	KeyId  int64 `json:"keyId" in:"path" v:"required|min:1"`
}

type ChannelKeyDeleteRes = ChannelItem
