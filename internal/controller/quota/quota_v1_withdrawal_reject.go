package quota

import (
	"context"

	"kami/api/quota/v1"
	"kami/internal/service"
)

func (c *ControllerV1) WithdrawalReject(ctx context.Context, req *v1.WithdrawalRejectReq) (res *v1.WithdrawalRejectRes, err error) {
	return service.Quota().RejectWithdrawal(ctx, req)
}
