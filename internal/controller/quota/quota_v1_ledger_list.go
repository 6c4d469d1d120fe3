package quota

import (
	"context"

	"kami/api/quota/v1"
	"kami/internal/service"
)

func (c *ControllerV1) LedgerList(ctx context.Context, req *v1.LedgerListReq) (res *v1.LedgerListRes, err error) {
	return service.Quota().Ledger(ctx, req)
}
