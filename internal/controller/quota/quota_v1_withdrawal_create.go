package quota

import (
	"context"

	"kami/api/quota/v1"
	"kami/internal/service"
)

func (c *ControllerV1) WithdrawalCreate(ctx context.Context, req *v1.WithdrawalCreateReq) (res *v1.WithdrawalCreateRes, err error) {
	return service.Quota().Withdraw(ctx, req)
}
