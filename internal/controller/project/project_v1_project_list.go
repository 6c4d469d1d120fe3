package project

import (
	"context"

	"kami/api/project/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ProjectList(ctx context.Context, req *v1.ProjectListReq) (res *v1.ProjectListRes, err error) {
	return service.Project().List(ctx, req)
}
