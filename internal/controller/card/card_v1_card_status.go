package card

import (
	"context"

	"kami/api/card/v1"
	"kami/internal/service"
)

func (c *ControllerV1) CardStatus(ctx context.Context, req *v1.CardStatusReq) (res *v1.CardStatusRes, err error) {
	return service.Card().SetStatus(ctx, req)
}
