// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package derp

import (
	"context"

	"kami/api/derp/v1"
)

type IDerpV1 interface {
	CustomerCreate(ctx context.Context, req *v1.CustomerCreateReq) (res *v1.CustomerCreateRes, err error)
	CustomerList(ctx context.Context, req *v1.CustomerListReq) (res *v1.CustomerListRes, err error)
	CustomerGet(ctx context.Context, req *v1.CustomerGetReq) (res *v1.CustomerGetRes, err error)
	Register(ctx context.Context, req *v1.RegisterReq) (res *v1.RegisterRes, err error)
	Resend(ctx context.Context, req *v1.ResendReq) (res *v1.ResendRes, err error)
	DistributorSet(ctx context.Context, req *v1.DistributorSetReq) (res *v1.DistributorSetRes, err error)
	DistributorDelete(ctx context.Context, req *v1.DistributorDeleteReq) (res *v1.DistributorDeleteRes, err error)
	DistributorList(ctx context.Context, req *v1.DistributorListReq) (res *v1.DistributorListRes, err error)
	OrderList(ctx context.Context, req *v1.OrderListReq) (res *v1.OrderListRes, err error)
	OrderRefund(ctx context.Context, req *v1.OrderRefundReq) (res *v1.OrderRefundRes, err error)
	FinanceSummary(ctx context.Context, req *v1.FinanceSummaryReq) (res *v1.FinanceSummaryRes, err error)
	FinanceDistributorList(ctx context.Context, req *v1.FinanceDistributorListReq) (res *v1.FinanceDistributorListRes, err error)
	MeOrderList(ctx context.Context, req *v1.MeOrderListReq) (res *v1.MeOrderListRes, err error)
	SerialOrderCreate(ctx context.Context, req *v1.SerialOrderCreateReq) (res *v1.SerialOrderCreateRes, err error)
	SerialOrderList(ctx context.Context, req *v1.SerialOrderListReq) (res *v1.SerialOrderListRes, err error)
	SerialOrderApprove(ctx context.Context, req *v1.SerialOrderApproveReq) (res *v1.SerialOrderApproveRes, err error)
	SerialOrderReject(ctx context.Context, req *v1.SerialOrderRejectReq) (res *v1.SerialOrderRejectRes, err error)
	SerialOrderCancel(ctx context.Context, req *v1.SerialOrderCancelReq) (res *v1.SerialOrderCancelRes, err error)
	PlanList(ctx context.Context, req *v1.PlanListReq) (res *v1.PlanListRes, err error)
	PlanCreate(ctx context.Context, req *v1.PlanCreateReq) (res *v1.PlanCreateRes, err error)
	PlanUpdate(ctx context.Context, req *v1.PlanUpdateReq) (res *v1.PlanUpdateRes, err error)
	PlanDelete(ctx context.Context, req *v1.PlanDeleteReq) (res *v1.PlanDeleteRes, err error)
	PublicPlans(ctx context.Context, req *v1.PublicPlansReq) (res *v1.PublicPlansRes, err error)
	PublicPayment(ctx context.Context, req *v1.PublicPaymentReq) (res *v1.PublicPaymentRes, err error)
	MeRentalRenew(ctx context.Context, req *v1.MeRentalRenewReq) (res *v1.MeRentalRenewRes, err error)
	RentalExtend(ctx context.Context, req *v1.RentalExtendReq) (res *v1.RentalExtendRes, err error)
	RentalSuspend(ctx context.Context, req *v1.RentalSuspendReq) (res *v1.RentalSuspendRes, err error)
	RentalResume(ctx context.Context, req *v1.RentalResumeReq) (res *v1.RentalResumeRes, err error)
	MeRentalActivate(ctx context.Context, req *v1.MeRentalActivateReq) (res *v1.MeRentalActivateRes, err error)
	MeRentalList(ctx context.Context, req *v1.MeRentalListReq) (res *v1.MeRentalListRes, err error)
	MeRentalGet(ctx context.Context, req *v1.MeRentalGetReq) (res *v1.MeRentalGetRes, err error)
	RentalList(ctx context.Context, req *v1.RentalListReq) (res *v1.RentalListRes, err error)
	RentalGet(ctx context.Context, req *v1.RentalGetReq) (res *v1.RentalGetRes, err error)
	SerialBatchCreate(ctx context.Context, req *v1.SerialBatchCreateReq) (res *v1.SerialBatchCreateRes, err error)
	SerialList(ctx context.Context, req *v1.SerialListReq) (res *v1.SerialListRes, err error)
	SerialGet(ctx context.Context, req *v1.SerialGetReq) (res *v1.SerialGetRes, err error)
	SerialVoid(ctx context.Context, req *v1.SerialVoidReq) (res *v1.SerialVoidRes, err error)
	SerialBatchList(ctx context.Context, req *v1.SerialBatchListReq) (res *v1.SerialBatchListRes, err error)
	SerialBatchExport(ctx context.Context, req *v1.SerialBatchExportReq) (res *v1.SerialBatchExportRes, err error)
	ServerCreate(ctx context.Context, req *v1.ServerCreateReq) (res *v1.ServerCreateRes, err error)
	ServerUpdate(ctx context.Context, req *v1.ServerUpdateReq) (res *v1.ServerUpdateRes, err error)
	ServerGet(ctx context.Context, req *v1.ServerGetReq) (res *v1.ServerGetRes, err error)
	ServerList(ctx context.Context, req *v1.ServerListReq) (res *v1.ServerListRes, err error)
	ServerDelete(ctx context.Context, req *v1.ServerDeleteReq) (res *v1.ServerDeleteRes, err error)
	ServerDrain(ctx context.Context, req *v1.ServerDrainReq) (res *v1.ServerDrainRes, err error)
	ServerUndrain(ctx context.Context, req *v1.ServerUndrainReq) (res *v1.ServerUndrainRes, err error)
	ServerConfirmHostKey(ctx context.Context, req *v1.ServerConfirmHostKeyReq) (res *v1.ServerConfirmHostKeyRes, err error)
	ServerPrepare(ctx context.Context, req *v1.ServerPrepareReq) (res *v1.ServerPrepareRes, err error)
	ServerReconcile(ctx context.Context, req *v1.ServerReconcileReq) (res *v1.ServerReconcileRes, err error)
	TierList(ctx context.Context, req *v1.TierListReq) (res *v1.TierListRes, err error)
	TierUpdate(ctx context.Context, req *v1.TierUpdateReq) (res *v1.TierUpdateRes, err error)
}
