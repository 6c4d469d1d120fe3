package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ChannelCheck(ctx context.Context, req *v1.ChannelCheckReq) (res *v1.ChannelCheckRes, err error) {
	return service.Relay().ChannelCheck(ctx, req)
}
