// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayLogs is the golang structure of table relay_logs for DAO operations like Where/Data.
type RelayLogs struct {
	g.Meta           `orm:"table:relay_logs, do:true"`
	Id               any         //
	RequestId        any         //
	UserId           any         //
	TokenId          any         //
	TokenName        any         //
	GroupCode        any         //
	Model            any         //
	UpstreamModel    any         //
	ChannelId        any         //
	ChannelName      any         //
	KeyId            any         //
	IsStream         any         //
	Status           any         //
	HttpStatus       any         //
	ErrorCode        any         //
	ErrorMessage     any         //
	PromptTokens     any         //
	CompletionTokens any         //
	CachedTokens     any         //
	UsageSource      any         //
	ModelRatio       any         //
	CompletionRatio  any         //
	CacheRatio       any         //
	GroupRatio       any         //
	ModelPrice       any         //
	PreQuota         any         //
	Quota            any         //
	Uncollected      any         //
	ReservationId    any         //
	SettleState      any         //
	Final            any         //
	Attempts         any         //
	TtfbMs           any         //
	LatencyMs        any         //
	ClientIp         any         //
	NodeId           any         //
	CreatedAt        *gtime.Time //
	SettledAt        *gtime.Time //
}
