package card

import (
	"context"

	"kami/api/card/v1"
	"kami/internal/service"
)

func (c *ControllerV1) CardsStatus(ctx context.Context, req *v1.CardsStatusReq) (res *v1.CardsStatusRes, err error) {
	return service.Card().SetStatuses(ctx, req)
}
