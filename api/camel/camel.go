// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package camel

import (
	"context"

	"kami/api/camel/v1"
)

type ICamelV1 interface {
	AccountList(ctx context.Context, req *v1.AccountListReq) (res *v1.AccountListRes, err error)
	AccountGet(ctx context.Context, req *v1.AccountGetReq) (res *v1.AccountGetRes, err error)
	AccountCreate(ctx context.Context, req *v1.AccountCreateReq) (res *v1.AccountCreateRes, err error)
	AccountUpdate(ctx context.Context, req *v1.AccountUpdateReq) (res *v1.AccountUpdateRes, err error)
	AccountStatus(ctx context.Context, req *v1.AccountStatusReq) (res *v1.AccountStatusRes, err error)
	AccountDelete(ctx context.Context, req *v1.AccountDeleteReq) (res *v1.AccountDeleteRes, err error)
	AccountHistory(ctx context.Context, req *v1.AccountHistoryReq) (res *v1.AccountHistoryRes, err error)
	AccountLogin(ctx context.Context, req *v1.AccountLoginReq) (res *v1.AccountLoginRes, err error)
	AccountCheck(ctx context.Context, req *v1.AccountCheckReq) (res *v1.AccountCheckRes, err error)
	AccountImport(ctx context.Context, req *v1.AccountImportReq) (res *v1.AccountImportRes, err error)
	AccountExport(ctx context.Context, req *v1.AccountExportReq) (res *v1.AccountExportRes, err error)
	AccountAcquire(ctx context.Context, req *v1.AccountAcquireReq) (res *v1.AccountAcquireRes, err error)
	MerchantList(ctx context.Context, req *v1.MerchantListReq) (res *v1.MerchantListRes, err error)
	MerchantCreate(ctx context.Context, req *v1.MerchantCreateReq) (res *v1.MerchantCreateRes, err error)
	MerchantUpdate(ctx context.Context, req *v1.MerchantUpdateReq) (res *v1.MerchantUpdateRes, err error)
	MerchantStatus(ctx context.Context, req *v1.MerchantStatusReq) (res *v1.MerchantStatusRes, err error)
	MerchantRotate(ctx context.Context, req *v1.MerchantRotateReq) (res *v1.MerchantRotateRes, err error)
	OrderList(ctx context.Context, req *v1.OrderListReq) (res *v1.OrderListRes, err error)
	OrderGet(ctx context.Context, req *v1.OrderGetReq) (res *v1.OrderGetRes, err error)
	OrderHistory(ctx context.Context, req *v1.OrderHistoryReq) (res *v1.OrderHistoryRes, err error)
	OrderRefresh(ctx context.Context, req *v1.OrderRefreshReq) (res *v1.OrderRefreshRes, err error)
	OrderNotify(ctx context.Context, req *v1.OrderNotifyReq) (res *v1.OrderNotifyRes, err error)
	OrderExport(ctx context.Context, req *v1.OrderExportReq) (res *v1.OrderExportRes, err error)
	SettingsGet(ctx context.Context, req *v1.SettingsGetReq) (res *v1.SettingsGetRes, err error)
	SettingsUpdate(ctx context.Context, req *v1.SettingsUpdateReq) (res *v1.SettingsUpdateRes, err error)
	Statistics(ctx context.Context, req *v1.StatisticsReq) (res *v1.StatisticsRes, err error)
}
