package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/service"
)

func (c *ControllerV1) AccountCheck(ctx context.Context, req *v1.AccountCheckReq) (res *v1.AccountCheckRes, err error) {
	return service.Camel().CheckAccount(ctx, req)
}
