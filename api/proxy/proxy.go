// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package proxy

import (
	"context"

	"kami/api/proxy/v1"
)

type IProxyV1 interface {
	StaticAssignOrder(ctx context.Context, req *v1.StaticAssignOrderReq) (res *v1.StaticAssignOrderRes, err error)
	AssignIP(ctx context.Context, req *v1.AssignIPReq) (res *v1.AssignIPRes, err error)
	CallbackGet(ctx context.Context, req *v1.CallbackGetReq) (res *v1.CallbackGetRes, err error)
	CallbackPost(ctx context.Context, req *v1.CallbackPostReq) (res *v1.CallbackPostRes, err error)
	DrawAPI(ctx context.Context, req *v1.DrawAPIReq) (res *v1.DrawAPIRes, err error)
	DrawPwd(ctx context.Context, req *v1.DrawPwdReq) (res *v1.DrawPwdRes, err error)
	InstanceList(ctx context.Context, req *v1.InstanceListReq) (res *v1.InstanceListRes, err error)
	InstanceGet(ctx context.Context, req *v1.InstanceGetReq) (res *v1.InstanceGetRes, err error)
	InstanceUpdate(ctx context.Context, req *v1.InstanceUpdateReq) (res *v1.InstanceUpdateRes, err error)
	InstanceRenew(ctx context.Context, req *v1.InstanceRenewReq) (res *v1.InstanceRenewRes, err error)
	InstanceRelease(ctx context.Context, req *v1.InstanceReleaseReq) (res *v1.InstanceReleaseRes, err error)
	SyncLogList(ctx context.Context, req *v1.SyncLogListReq) (res *v1.SyncLogListRes, err error)
	CallbackLogList(ctx context.Context, req *v1.CallbackLogListReq) (res *v1.CallbackLogListRes, err error)
	CallLogList(ctx context.Context, req *v1.CallLogListReq) (res *v1.CallLogListRes, err error)
	DiscrepancyList(ctx context.Context, req *v1.DiscrepancyListReq) (res *v1.DiscrepancyListRes, err error)
	DiscrepancyResolve(ctx context.Context, req *v1.DiscrepancyResolveReq) (res *v1.DiscrepancyResolveRes, err error)
	StaticOrder(ctx context.Context, req *v1.StaticOrderReq) (res *v1.StaticOrderRes, err error)
	OrderGet(ctx context.Context, req *v1.OrderGetReq) (res *v1.OrderGetRes, err error)
	OrderRefresh(ctx context.Context, req *v1.OrderRefreshReq) (res *v1.OrderRefreshRes, err error)
	DynamicOrder(ctx context.Context, req *v1.DynamicOrderReq) (res *v1.DynamicOrderRes, err error)
	OrderList(ctx context.Context, req *v1.OrderListReq) (res *v1.OrderListRes, err error)
	PriceList(ctx context.Context, req *v1.PriceListReq) (res *v1.PriceListRes, err error)
	PricePut(ctx context.Context, req *v1.PricePutReq) (res *v1.PricePutRes, err error)
	PriceDelete(ctx context.Context, req *v1.PriceDeleteReq) (res *v1.PriceDeleteRes, err error)
	ProductList(ctx context.Context, req *v1.ProductListReq) (res *v1.ProductListRes, err error)
	ProductUpdate(ctx context.Context, req *v1.ProductUpdateReq) (res *v1.ProductUpdateRes, err error)
	ProductGet(ctx context.Context, req *v1.ProductGetReq) (res *v1.ProductGetRes, err error)
	ProductAreas(ctx context.Context, req *v1.ProductAreasReq) (res *v1.ProductAreasRes, err error)
	RegionList(ctx context.Context, req *v1.RegionListReq) (res *v1.RegionListRes, err error)
	ReturnCreate(ctx context.Context, req *v1.ReturnCreateReq) (res *v1.ReturnCreateRes, err error)
	SettingsGet(ctx context.Context, req *v1.SettingsGetReq) (res *v1.SettingsGetRes, err error)
	SettingsUpdate(ctx context.Context, req *v1.SettingsUpdateReq) (res *v1.SettingsUpdateRes, err error)
	SettingsProbe(ctx context.Context, req *v1.SettingsProbeReq) (res *v1.SettingsProbeRes, err error)
	CallbackToken(ctx context.Context, req *v1.CallbackTokenReq) (res *v1.CallbackTokenRes, err error)
	OrderStats(ctx context.Context, req *v1.OrderStatsReq) (res *v1.OrderStatsRes, err error)
	PoolList(ctx context.Context, req *v1.PoolListReq) (res *v1.PoolListRes, err error)
	FlowLogList(ctx context.Context, req *v1.FlowLogListReq) (res *v1.FlowLogListRes, err error)
	UserList(ctx context.Context, req *v1.UserListReq) (res *v1.UserListRes, err error)
	UserGet(ctx context.Context, req *v1.UserGetReq) (res *v1.UserGetRes, err error)
	UserCreate(ctx context.Context, req *v1.UserCreateReq) (res *v1.UserCreateRes, err error)
	UserUpdate(ctx context.Context, req *v1.UserUpdateReq) (res *v1.UserUpdateRes, err error)
	UserLimitsGet(ctx context.Context, req *v1.UserLimitsGetReq) (res *v1.UserLimitsGetRes, err error)
	UserLimitsPut(ctx context.Context, req *v1.UserLimitsPutReq) (res *v1.UserLimitsPutRes, err error)
	WhitelistList(ctx context.Context, req *v1.WhitelistListReq) (res *v1.WhitelistListRes, err error)
	WhitelistAdd(ctx context.Context, req *v1.WhitelistAddReq) (res *v1.WhitelistAddRes, err error)
	WhitelistDelete(ctx context.Context, req *v1.WhitelistDeleteReq) (res *v1.WhitelistDeleteRes, err error)
}
