package quota

import (
	"context"

	"kami/api/quota/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Transfer(ctx context.Context, req *v1.TransferReq) (res *v1.TransferRes, err error) {
	return service.Quota().TransferByName(ctx, req)
}
