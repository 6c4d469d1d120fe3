package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MeDeviceCreate(ctx context.Context, req *v1.MeDeviceCreateReq) (res *v1.MeDeviceCreateRes, err error) {
	return service.Derp().MeDeviceCreate(ctx, req)
}
