package quota

import (
	"context"

	"kami/api/quota/v1"
	"kami/internal/service"
)

func (c *ControllerV1) WithdrawalGet(ctx context.Context, req *v1.WithdrawalGetReq) (res *v1.WithdrawalGetRes, err error) {
	return service.Quota().Withdrawal(ctx, req)
}
