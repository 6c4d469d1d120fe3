package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ChannelUpdate(ctx context.Context, req *v1.ChannelUpdateReq) (res *v1.ChannelUpdateRes, err error) {
	return service.Relay().ChannelUpdate(ctx, req)
}
