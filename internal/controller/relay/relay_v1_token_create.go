package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) TokenCreate(ctx context.Context, req *v1.TokenCreateReq) (res *v1.TokenCreateRes, err error) {
	return service.Relay().TokenCreate(ctx, req)
}
