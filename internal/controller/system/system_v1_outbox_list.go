package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) OutboxList(ctx context.Context, req *v1.OutboxListReq) (res *v1.OutboxListRes, err error) {
	return service.Outbox().List(ctx, req)
}
