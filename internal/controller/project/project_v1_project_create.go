package project

import (
	"context"

	"kami/api/project/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ProjectCreate(ctx context.Context, req *v1.ProjectCreateReq) (res *v1.ProjectCreateRes, err error) {
	return service.Project().Create(ctx, req)
}
