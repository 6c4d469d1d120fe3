package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ChannelStatus(ctx context.Context, req *v1.ChannelStatusReq) (res *v1.ChannelStatusRes, err error) {
	return service.Relay().ChannelStatus(ctx, req)
}
