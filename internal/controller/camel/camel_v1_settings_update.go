package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SettingsUpdate(ctx context.Context, req *v1.SettingsUpdateReq) (res *v1.SettingsUpdateRes, err error) {
	return service.Camel().UpdateSettings(ctx, req)
}
