package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SettingsProbe(ctx context.Context, req *v1.SettingsProbeReq) (res *v1.SettingsProbeRes, err error) {
	return service.Proxy().ProbeSettings(ctx, req)
}
