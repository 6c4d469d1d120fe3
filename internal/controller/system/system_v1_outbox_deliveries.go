package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) OutboxDeliveries(ctx context.Context, req *v1.OutboxDeliveriesReq) (res *v1.OutboxDeliveriesRes, err error) {
	return service.Outbox().Deliveries(ctx, req)
}
