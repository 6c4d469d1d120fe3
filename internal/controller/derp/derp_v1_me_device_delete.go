package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MeDeviceDelete(ctx context.Context, req *v1.MeDeviceDeleteReq) (res *v1.MeDeviceDeleteRes, err error) {
	return service.Derp().MeDeviceDelete(ctx, req)
}
