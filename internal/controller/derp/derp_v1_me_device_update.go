package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MeDeviceUpdate(ctx context.Context, req *v1.MeDeviceUpdateReq) (res *v1.MeDeviceUpdateRes, err error) {
	return service.Derp().MeDeviceUpdate(ctx, req)
}
