package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) TaskGet(ctx context.Context, req *v1.TaskGetReq) (res *v1.TaskGetRes, err error) {
	return service.Relay().TaskGet(ctx, req)
}
