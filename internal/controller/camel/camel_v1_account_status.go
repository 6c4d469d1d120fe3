package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/service"
)

func (c *ControllerV1) AccountStatus(ctx context.Context, req *v1.AccountStatusReq) (res *v1.AccountStatusRes, err error) {
	return service.Camel().SetAccountStatus(ctx, req)
}
