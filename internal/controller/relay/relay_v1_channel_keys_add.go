package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ChannelKeysAdd(ctx context.Context, req *v1.ChannelKeysAddReq) (res *v1.ChannelKeysAddRes, err error) {
	return service.Relay().ChannelKeysAdd(ctx, req)
}
