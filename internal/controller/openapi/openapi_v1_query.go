package openapi

import (
	"context"

	"kami/api/openapi/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Query(ctx context.Context, req *v1.QueryReq) (res *v1.QueryRes, err error) {
	return service.Openapi().Query(ctx, req)
}
