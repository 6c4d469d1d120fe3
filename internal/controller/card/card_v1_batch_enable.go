package card

import (
	"context"

	"kami/api/card/v1"
	"kami/internal/service"
)

func (c *ControllerV1) BatchEnable(ctx context.Context, req *v1.BatchEnableReq) (res *v1.BatchEnableRes, err error) {
	return service.Card().EnableBatch(ctx, req)
}
