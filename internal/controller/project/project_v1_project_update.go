package project

import (
	"context"

	"kami/api/project/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ProjectUpdate(ctx context.Context, req *v1.ProjectUpdateReq) (res *v1.ProjectUpdateRes, err error) {
	return service.Project().Update(ctx, req)
}
