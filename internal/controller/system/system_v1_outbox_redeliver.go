package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) OutboxRedeliver(ctx context.Context, req *v1.OutboxRedeliverReq) (res *v1.OutboxRedeliverRes, err error) {
	return service.Outbox().Redeliver(ctx, req)
}
