package quota

import (
	"context"

	"kami/api/quota/v1"
	"kami/internal/service"
)

func (c *ControllerV1) WithdrawalList(ctx context.Context, req *v1.WithdrawalListReq) (res *v1.WithdrawalListRes, err error) {
	return service.Quota().Withdrawals(ctx, req)
}
