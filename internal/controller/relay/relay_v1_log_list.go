package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) LogList(ctx context.Context, req *v1.LogListReq) (res *v1.LogListRes, err error) {
	return service.Relay().LogList(ctx, req)
}
