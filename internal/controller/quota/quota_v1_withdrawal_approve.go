package quota

import (
	"context"

	"kami/api/quota/v1"
	"kami/internal/service"
)

func (c *ControllerV1) WithdrawalApprove(ctx context.Context, req *v1.WithdrawalApproveReq) (res *v1.WithdrawalApproveRes, err error) {
	return service.Quota().ApproveWithdrawal(ctx, req)
}
