package security

import (
	"context"

	"kami/api/security/v1"
	"kami/internal/service"
)

func (c *ControllerV1) AlertList(ctx context.Context, req *v1.AlertListReq) (res *v1.AlertListRes, err error) {
	return service.Security().AlertList(ctx, req)
}
