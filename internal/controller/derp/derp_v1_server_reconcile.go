package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ServerReconcile(ctx context.Context, req *v1.ServerReconcileReq) (res *v1.ServerReconcileRes, err error) {
	return service.Derp().ServerReconcile(ctx, req)
}
