package project

import (
	"context"

	"kami/api/project/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ProjectStatus(ctx context.Context, req *v1.ProjectStatusReq) (res *v1.ProjectStatusRes, err error) {
	return service.Project().SetStatus(ctx, req)
}
