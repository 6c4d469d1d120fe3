// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package authorization

import (
	"context"

	"kami/api/authorization/v1"
)

type IAuthorizationV1 interface {
	ApplicationCreate(ctx context.Context, req *v1.ApplicationCreateReq) (res *v1.ApplicationCreateRes, err error)
	ApplicationList(ctx context.Context, req *v1.ApplicationListReq) (res *v1.ApplicationListRes, err error)
	ApplicationApprove(ctx context.Context, req *v1.ApplicationApproveReq) (res *v1.ApplicationApproveRes, err error)
	ApplicationReject(ctx context.Context, req *v1.ApplicationRejectReq) (res *v1.ApplicationRejectRes, err error)
	AuthorizationCreate(ctx context.Context, req *v1.AuthorizationCreateReq) (res *v1.AuthorizationCreateRes, err error)
	AuthorizationList(ctx context.Context, req *v1.AuthorizationListReq) (res *v1.AuthorizationListRes, err error)
	AuthorizationUpdate(ctx context.Context, req *v1.AuthorizationUpdateReq) (res *v1.AuthorizationUpdateRes, err error)
	AuthorizationDelete(ctx context.Context, req *v1.AuthorizationDeleteReq) (res *v1.AuthorizationDeleteRes, err error)
}
