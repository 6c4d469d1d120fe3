package authorization

import (
	"context"

	"kami/api/authorization/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ApplicationReject(ctx context.Context, req *v1.ApplicationRejectReq) (res *v1.ApplicationRejectRes, err error) {
	return service.Authorization().Reject(ctx, req)
}
