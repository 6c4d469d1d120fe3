package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) TokenDelete(ctx context.Context, req *v1.TokenDeleteReq) (res *v1.TokenDeleteRes, err error) {
	return service.Relay().TokenDelete(ctx, req)
}
