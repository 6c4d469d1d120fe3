package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SettingsUpdate(ctx context.Context, req *v1.SettingsUpdateReq) (res *v1.SettingsUpdateRes, err error) {
	return service.Proxy().UpdateSettings(ctx, req)
}
