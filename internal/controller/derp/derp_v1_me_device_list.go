package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MeDeviceList(ctx context.Context, req *v1.MeDeviceListReq) (res *v1.MeDeviceListRes, err error) {
	return service.Derp().MeDeviceList(ctx, req)
}
