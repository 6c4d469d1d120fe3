// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package quota

import (
	"context"

	"kami/api/quota/v1"
)

type IQuotaV1 interface {
	Balance(ctx context.Context, req *v1.BalanceReq) (res *v1.BalanceRes, err error)
	LedgerList(ctx context.Context, req *v1.LedgerListReq) (res *v1.LedgerListRes, err error)
	LedgerExport(ctx context.Context, req *v1.LedgerExportReq) (res *v1.LedgerExportRes, err error)
	AlertList(ctx context.Context, req *v1.AlertListReq) (res *v1.AlertListRes, err error)
	Recharge(ctx context.Context, req *v1.RechargeReq) (res *v1.RechargeRes, err error)
	ReviewList(ctx context.Context, req *v1.ReviewListReq) (res *v1.ReviewListRes, err error)
	ReviewApprove(ctx context.Context, req *v1.ReviewApproveReq) (res *v1.ReviewApproveRes, err error)
	ReviewReject(ctx context.Context, req *v1.ReviewRejectReq) (res *v1.ReviewRejectRes, err error)
	Transfer(ctx context.Context, req *v1.TransferReq) (res *v1.TransferRes, err error)
	WithdrawalCreate(ctx context.Context, req *v1.WithdrawalCreateReq) (res *v1.WithdrawalCreateRes, err error)
	WithdrawalList(ctx context.Context, req *v1.WithdrawalListReq) (res *v1.WithdrawalListRes, err error)
	WithdrawalGet(ctx context.Context, req *v1.WithdrawalGetReq) (res *v1.WithdrawalGetRes, err error)
	WithdrawalApprove(ctx context.Context, req *v1.WithdrawalApproveReq) (res *v1.WithdrawalApproveRes, err error)
	WithdrawalReject(ctx context.Context, req *v1.WithdrawalRejectReq) (res *v1.WithdrawalRejectRes, err error)
	WithdrawalCancel(ctx context.Context, req *v1.WithdrawalCancelReq) (res *v1.WithdrawalCancelRes, err error)
}
