package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SettingChanges(ctx context.Context, req *v1.SettingChangesReq) (res *v1.SettingChangesRes, err error) {
	return service.Settings().Changes(ctx, req)
}
