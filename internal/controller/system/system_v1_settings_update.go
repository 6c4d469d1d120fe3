package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SettingsUpdate(ctx context.Context, req *v1.SettingsUpdateReq) (res *v1.SettingsUpdateRes, err error) {
	return service.Settings().Update(ctx, req)
}
