package openapi

import (
	"context"

	"kami/api/openapi/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Keys(ctx context.Context, req *v1.KeysReq) (res *v1.KeysRes, err error) {
	return service.Openapi().Keys(ctx, req)
}
