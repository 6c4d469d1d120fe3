// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package payment

import (
	"context"

	"kami/api/payment/v1"
)

type IPaymentV1 interface {
	Topup(ctx context.Context, req *v1.TopupReq) (res *v1.TopupRes, err error)
	OrderCreate(ctx context.Context, req *v1.OrderCreateReq) (res *v1.OrderCreateRes, err error)
	OrderList(ctx context.Context, req *v1.OrderListReq) (res *v1.OrderListRes, err error)
	OrderGet(ctx context.Context, req *v1.OrderGetReq) (res *v1.OrderGetRes, err error)
	OrderQuery(ctx context.Context, req *v1.OrderQueryReq) (res *v1.OrderQueryRes, err error)
	OrderRefund(ctx context.Context, req *v1.OrderRefundReq) (res *v1.OrderRefundRes, err error)
	Notify(ctx context.Context, req *v1.NotifyReq) (res *v1.NotifyRes, err error)
}
