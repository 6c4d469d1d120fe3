package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/service"
)

func (c *ControllerV1) AccountGet(ctx context.Context, req *v1.AccountGetReq) (res *v1.AccountGetRes, err error) {
	return service.Camel().GetAccount(ctx, req)
}
