// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package camelmerchant

import (
	"context"

	"kami/api/camelmerchant/v1"
)

type ICamelmerchantV1 interface {
	Submit(ctx context.Context, req *v1.SubmitReq) (res *v1.SubmitRes, err error)
	Query(ctx context.Context, req *v1.QueryReq) (res *v1.QueryRes, err error)
}
