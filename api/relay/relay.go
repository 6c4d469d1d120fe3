// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package relay

import (
	"context"

	"kami/api/relay/v1"
)

type IRelayV1 interface {
	ChannelList(ctx context.Context, req *v1.ChannelListReq) (res *v1.ChannelListRes, err error)
	ChannelGet(ctx context.Context, req *v1.ChannelGetReq) (res *v1.ChannelGetRes, err error)
	ChannelCreate(ctx context.Context, req *v1.ChannelCreateReq) (res *v1.ChannelCreateRes, err error)
	ChannelUpdate(ctx context.Context, req *v1.ChannelUpdateReq) (res *v1.ChannelUpdateRes, err error)
	ChannelDelete(ctx context.Context, req *v1.ChannelDeleteReq) (res *v1.ChannelDeleteRes, err error)
	ChannelStatus(ctx context.Context, req *v1.ChannelStatusReq) (res *v1.ChannelStatusRes, err error)
	ChannelKeysAdd(ctx context.Context, req *v1.ChannelKeysAddReq) (res *v1.ChannelKeysAddRes, err error)
	ChannelKeyStatus(ctx context.Context, req *v1.ChannelKeyStatusReq) (res *v1.ChannelKeyStatusRes, err error)
	ChannelKeyDelete(ctx context.Context, req *v1.ChannelKeyDeleteReq) (res *v1.ChannelKeyDeleteRes, err error)
	ChannelCheck(ctx context.Context, req *v1.ChannelCheckReq) (res *v1.ChannelCheckRes, err error)
	ChannelCheckAll(ctx context.Context, req *v1.ChannelCheckAllReq) (res *v1.ChannelCheckAllRes, err error)
	TaskGet(ctx context.Context, req *v1.TaskGetReq) (res *v1.TaskGetRes, err error)
	ChannelEvents(ctx context.Context, req *v1.ChannelEventsReq) (res *v1.ChannelEventsRes, err error)
	GroupList(ctx context.Context, req *v1.GroupListReq) (res *v1.GroupListRes, err error)
	GroupCreate(ctx context.Context, req *v1.GroupCreateReq) (res *v1.GroupCreateRes, err error)
	GroupUpdate(ctx context.Context, req *v1.GroupUpdateReq) (res *v1.GroupUpdateRes, err error)
	GroupDelete(ctx context.Context, req *v1.GroupDeleteReq) (res *v1.GroupDeleteRes, err error)
	UserGroupGet(ctx context.Context, req *v1.UserGroupGetReq) (res *v1.UserGroupGetRes, err error)
	UserGroupSet(ctx context.Context, req *v1.UserGroupSetReq) (res *v1.UserGroupSetRes, err error)
	LogList(ctx context.Context, req *v1.LogListReq) (res *v1.LogListRes, err error)
	LogExport(ctx context.Context, req *v1.LogExportReq) (res *v1.LogExportRes, err error)
	PriceList(ctx context.Context, req *v1.PriceListReq) (res *v1.PriceListRes, err error)
	PriceCreate(ctx context.Context, req *v1.PriceCreateReq) (res *v1.PriceCreateRes, err error)
	PriceUpdate(ctx context.Context, req *v1.PriceUpdateReq) (res *v1.PriceUpdateRes, err error)
	PriceDelete(ctx context.Context, req *v1.PriceDeleteReq) (res *v1.PriceDeleteRes, err error)
	StatsSummary(ctx context.Context, req *v1.StatsSummaryReq) (res *v1.StatsSummaryRes, err error)
	StatsSeries(ctx context.Context, req *v1.StatsSeriesReq) (res *v1.StatsSeriesRes, err error)
	StatsTop(ctx context.Context, req *v1.StatsTopReq) (res *v1.StatsTopRes, err error)
	TokenList(ctx context.Context, req *v1.TokenListReq) (res *v1.TokenListRes, err error)
	TokenCreate(ctx context.Context, req *v1.TokenCreateReq) (res *v1.TokenCreateRes, err error)
	TokenGet(ctx context.Context, req *v1.TokenGetReq) (res *v1.TokenGetRes, err error)
	TokenUpdate(ctx context.Context, req *v1.TokenUpdateReq) (res *v1.TokenUpdateRes, err error)
	TokenDelete(ctx context.Context, req *v1.TokenDeleteReq) (res *v1.TokenDeleteRes, err error)
	TokenStatus(ctx context.Context, req *v1.TokenStatusReq) (res *v1.TokenStatusRes, err error)
	TokenRotate(ctx context.Context, req *v1.TokenRotateReq) (res *v1.TokenRotateRes, err error)
}
