package security

import (
	"context"

	"kami/api/security/v1"
	"kami/internal/service"
)

func (c *ControllerV1) EventList(ctx context.Context, req *v1.EventListReq) (res *v1.EventListRes, err error) {
	return service.Security().List(ctx, req)
}
