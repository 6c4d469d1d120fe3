package openapi

import (
	"context"

	"kami/api/openapi/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Unbind(ctx context.Context, req *v1.UnbindReq) (res *v1.UnbindRes, err error) {
	return service.Openapi().Unbind(ctx, req)
}
