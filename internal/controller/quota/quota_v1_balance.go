package quota

import (
	"context"

	"kami/api/quota/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Balance(ctx context.Context, req *v1.BalanceReq) (res *v1.BalanceRes, err error) {
	return service.Quota().GetBalance(ctx, req)
}
