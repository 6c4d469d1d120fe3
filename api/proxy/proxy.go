// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package proxy

import (
	"context"

	"kami/api/proxy/v1"
)

type IProxyV1 interface {
	CallbackGet(ctx context.Context, req *v1.CallbackGetReq) (res *v1.CallbackGetRes, err error)
	CallbackPost(ctx context.Context, req *v1.CallbackPostReq) (res *v1.CallbackPostRes, err error)
	StaticOrder(ctx context.Context, req *v1.StaticOrderReq) (res *v1.StaticOrderRes, err error)
	OrderGet(ctx context.Context, req *v1.OrderGetReq) (res *v1.OrderGetRes, err error)
	OrderRefresh(ctx context.Context, req *v1.OrderRefreshReq) (res *v1.OrderRefreshRes, err error)
	ProductList(ctx context.Context, req *v1.ProductListReq) (res *v1.ProductListRes, err error)
	ProductUpdate(ctx context.Context, req *v1.ProductUpdateReq) (res *v1.ProductUpdateRes, err error)
	SettingsGet(ctx context.Context, req *v1.SettingsGetReq) (res *v1.SettingsGetRes, err error)
	SettingsUpdate(ctx context.Context, req *v1.SettingsUpdateReq) (res *v1.SettingsUpdateRes, err error)
	SettingsProbe(ctx context.Context, req *v1.SettingsProbeReq) (res *v1.SettingsProbeRes, err error)
	CallbackToken(ctx context.Context, req *v1.CallbackTokenReq) (res *v1.CallbackTokenRes, err error)
}
