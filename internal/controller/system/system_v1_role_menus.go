package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) RoleMenus(ctx context.Context, req *v1.RoleMenusReq) (res *v1.RoleMenusRes, err error) {
	ids, err := service.Rbac().RoleMenus(ctx, req.Code)
	if err != nil {
		return nil, err
	}
	return &v1.RoleMenusRes{MenuIds: ids}, nil
}
