package card

import (
	"context"

	"kami/api/card/v1"
	"kami/internal/service"
)

func (c *ControllerV1) BatchDisable(ctx context.Context, req *v1.BatchDisableReq) (res *v1.BatchDisableRes, err error) {
	return service.Card().DisableBatch(ctx, req)
}
