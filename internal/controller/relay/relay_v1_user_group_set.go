package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) UserGroupSet(ctx context.Context, req *v1.UserGroupSetReq) (res *v1.UserGroupSetRes, err error) {
	return service.Relay().UserGroupSet(ctx, req)
}
