package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) TokenRotate(ctx context.Context, req *v1.TokenRotateReq) (res *v1.TokenRotateRes, err error) {
	return service.Relay().TokenRotate(ctx, req)
}
