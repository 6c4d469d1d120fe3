package card

import (
	"context"

	"kami/api/card/v1"
	"kami/internal/service"
)

func (c *ControllerV1) CardGet(ctx context.Context, req *v1.CardGetReq) (res *v1.CardGetRes, err error) {
	return service.Card().Get(ctx, req)
}
