package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ChannelEvents(ctx context.Context, req *v1.ChannelEventsReq) (res *v1.ChannelEventsRes, err error) {
	return service.Relay().ChannelEvents(ctx, req)
}
