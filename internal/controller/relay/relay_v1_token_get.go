package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) TokenGet(ctx context.Context, req *v1.TokenGetReq) (res *v1.TokenGetRes, err error) {
	return service.Relay().TokenGet(ctx, req)
}
