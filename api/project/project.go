// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package project

import (
	"context"

	"kami/api/project/v1"
)

type IProjectV1 interface {
	PlanList(ctx context.Context, req *v1.PlanListReq) (res *v1.PlanListRes, err error)
	PlanCreate(ctx context.Context, req *v1.PlanCreateReq) (res *v1.PlanCreateRes, err error)
	PlanUpdate(ctx context.Context, req *v1.PlanUpdateReq) (res *v1.PlanUpdateRes, err error)
	PlanStatus(ctx context.Context, req *v1.PlanStatusReq) (res *v1.PlanStatusRes, err error)
	PlanDelete(ctx context.Context, req *v1.PlanDeleteReq) (res *v1.PlanDeleteRes, err error)
	ProjectCreate(ctx context.Context, req *v1.ProjectCreateReq) (res *v1.ProjectCreateRes, err error)
	ProjectList(ctx context.Context, req *v1.ProjectListReq) (res *v1.ProjectListRes, err error)
	ProjectGet(ctx context.Context, req *v1.ProjectGetReq) (res *v1.ProjectGetRes, err error)
	ProjectUpdate(ctx context.Context, req *v1.ProjectUpdateReq) (res *v1.ProjectUpdateRes, err error)
	ProjectStatus(ctx context.Context, req *v1.ProjectStatusReq) (res *v1.ProjectStatusRes, err error)
	SecretRotate(ctx context.Context, req *v1.SecretRotateReq) (res *v1.SecretRotateRes, err error)
	SigningKeyRotate(ctx context.Context, req *v1.SigningKeyRotateReq) (res *v1.SigningKeyRotateRes, err error)
}
