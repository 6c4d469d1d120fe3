package quota

import (
	"context"

	"kami/api/quota/v1"
	"kami/internal/service"
)

func (c *ControllerV1) WithdrawalCancel(ctx context.Context, req *v1.WithdrawalCancelReq) (res *v1.WithdrawalCancelRes, err error) {
	return service.Quota().CancelWithdrawal(ctx, req)
}
