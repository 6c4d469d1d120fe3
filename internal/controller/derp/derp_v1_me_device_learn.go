package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MeDeviceLearn(ctx context.Context, req *v1.MeDeviceLearnReq) (res *v1.MeDeviceLearnRes, err error) {
	return service.Derp().MeDeviceLearn(ctx, req)
}
