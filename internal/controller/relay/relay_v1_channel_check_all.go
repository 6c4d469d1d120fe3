package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ChannelCheckAll(ctx context.Context, req *v1.ChannelCheckAllReq) (res *v1.ChannelCheckAllRes, err error) {
	return service.Relay().ChannelCheckAll(ctx, req)
}
