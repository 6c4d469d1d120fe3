// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package derp

import (
	"context"

	"kami/api/derp/v1"
)

type IDerpV1 interface {
	DistributorSet(ctx context.Context, req *v1.DistributorSetReq) (res *v1.DistributorSetRes, err error)
	DistributorDelete(ctx context.Context, req *v1.DistributorDeleteReq) (res *v1.DistributorDeleteRes, err error)
	DistributorList(ctx context.Context, req *v1.DistributorListReq) (res *v1.DistributorListRes, err error)
	PlanList(ctx context.Context, req *v1.PlanListReq) (res *v1.PlanListRes, err error)
	PlanCreate(ctx context.Context, req *v1.PlanCreateReq) (res *v1.PlanCreateRes, err error)
	PlanUpdate(ctx context.Context, req *v1.PlanUpdateReq) (res *v1.PlanUpdateRes, err error)
	PlanDelete(ctx context.Context, req *v1.PlanDeleteReq) (res *v1.PlanDeleteRes, err error)
	PublicPlans(ctx context.Context, req *v1.PublicPlansReq) (res *v1.PublicPlansRes, err error)
	PublicPayment(ctx context.Context, req *v1.PublicPaymentReq) (res *v1.PublicPaymentRes, err error)
	SerialBatchCreate(ctx context.Context, req *v1.SerialBatchCreateReq) (res *v1.SerialBatchCreateRes, err error)
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
