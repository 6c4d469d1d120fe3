package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ChannelKeyDelete(ctx context.Context, req *v1.ChannelKeyDeleteReq) (res *v1.ChannelKeyDeleteRes, err error) {
	return service.Relay().ChannelKeyDelete(ctx, req)
}
