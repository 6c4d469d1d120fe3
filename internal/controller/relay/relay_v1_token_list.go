package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) TokenList(ctx context.Context, req *v1.TokenListReq) (res *v1.TokenListRes, err error) {
	return service.Relay().TokenList(ctx, req)
}
