package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/service"
)

func (c *ControllerV1) AccountAcquire(ctx context.Context, req *v1.AccountAcquireReq) (res *v1.AccountAcquireRes, err error) {
	return service.Camel().AcquireAccounts(ctx, req)
}
