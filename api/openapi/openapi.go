// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package openapi

import (
	"context"

	"kami/api/openapi/v1"
)

type IOpenapiV1 interface {
	Verify(ctx context.Context, req *v1.VerifyReq) (res *v1.VerifyRes, err error)
	Query(ctx context.Context, req *v1.QueryReq) (res *v1.QueryRes, err error)
	Unbind(ctx context.Context, req *v1.UnbindReq) (res *v1.UnbindRes, err error)
	Keys(ctx context.Context, req *v1.KeysReq) (res *v1.KeysRes, err error)
}
