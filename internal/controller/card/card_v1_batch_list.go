package card

import (
	"context"

	"kami/api/card/v1"
	"kami/internal/service"
)

func (c *ControllerV1) BatchList(ctx context.Context, req *v1.BatchListReq) (res *v1.BatchListRes, err error) {
	return service.Card().Batches(ctx, req)
}
