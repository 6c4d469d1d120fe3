package quota

import (
	"context"

	"kami/api/quota/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Recharge(ctx context.Context, req *v1.RechargeReq) (res *v1.RechargeRes, err error) {
	return service.Quota().Recharge(ctx, req)
}
