package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) TokenStatus(ctx context.Context, req *v1.TokenStatusReq) (res *v1.TokenStatusRes, err error) {
	return service.Relay().TokenStatus(ctx, req)
}
