package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) UserGroupGet(ctx context.Context, req *v1.UserGroupGetReq) (res *v1.UserGroupGetRes, err error) {
	return service.Relay().UserGroupGet(ctx, req)
}
