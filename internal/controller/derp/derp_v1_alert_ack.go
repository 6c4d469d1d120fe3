package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) AlertAck(ctx context.Context, req *v1.AlertAckReq) (res *v1.AlertAckRes, err error) {
	return service.Derp().AlertAck(ctx, req)
}
