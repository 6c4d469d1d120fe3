package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ChannelKeyStatus(ctx context.Context, req *v1.ChannelKeyStatusReq) (res *v1.ChannelKeyStatusRes, err error) {
	return service.Relay().ChannelKeyStatus(ctx, req)
}
