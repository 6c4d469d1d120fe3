package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SettingsGet(ctx context.Context, req *v1.SettingsGetReq) (res *v1.SettingsGetRes, err error) {
	return service.Camel().GetSettings(ctx, req)
}
