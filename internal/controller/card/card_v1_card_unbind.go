package card

import (
	"context"

	"kami/api/card/v1"
	"kami/internal/service"
)

func (c *ControllerV1) CardUnbind(ctx context.Context, req *v1.CardUnbindReq) (res *v1.CardUnbindRes, err error) {
	return service.Card().Unbind(ctx, req)
}
