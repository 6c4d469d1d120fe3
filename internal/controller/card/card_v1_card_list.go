package card

import (
	"context"

	"kami/api/card/v1"
	"kami/internal/service"
)

func (c *ControllerV1) CardList(ctx context.Context, req *v1.CardListReq) (res *v1.CardListRes, err error) {
	return service.Card().List(ctx, req)
}
