// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package apicalls

import (
	"context"

	"kami/api/apicalls/v1"
)

type IApicallsV1 interface {
	CallList(ctx context.Context, req *v1.CallListReq) (res *v1.CallListRes, err error)
	FailureList(ctx context.Context, req *v1.FailureListReq) (res *v1.FailureListRes, err error)
}
