package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) TokenUpdate(ctx context.Context, req *v1.TokenUpdateReq) (res *v1.TokenUpdateRes, err error) {
	return service.Relay().TokenUpdate(ctx, req)
}
