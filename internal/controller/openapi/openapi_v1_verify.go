package openapi

import (
	"context"

	"kami/api/openapi/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Verify(ctx context.Context, req *v1.VerifyReq) (res *v1.VerifyRes, err error) {
	return service.Openapi().Verify(ctx, req)
}
