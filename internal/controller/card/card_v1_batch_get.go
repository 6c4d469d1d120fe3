package card

import (
	"context"

	"kami/api/card/v1"
	"kami/internal/service"
)

func (c *ControllerV1) BatchGet(ctx context.Context, req *v1.BatchGetReq) (res *v1.BatchGetRes, err error) {
	return service.Card().Batch(ctx, req)
}
