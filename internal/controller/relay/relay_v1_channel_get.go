package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ChannelGet(ctx context.Context, req *v1.ChannelGetReq) (res *v1.ChannelGetRes, err error) {
	return service.Relay().ChannelGet(ctx, req)
}
