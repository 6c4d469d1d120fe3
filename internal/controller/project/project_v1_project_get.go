package project

import (
	"context"

	"kami/api/project/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ProjectGet(ctx context.Context, req *v1.ProjectGetReq) (res *v1.ProjectGetRes, err error) {
	return service.Project().Get(ctx, req)
}
