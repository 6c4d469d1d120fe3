package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) RoleMenusUpdate(ctx context.Context, req *v1.RoleMenusUpdateReq) (res *v1.RoleMenusUpdateRes, err error) {
	if err = service.Rbac().SetRoleMenus(ctx, req.Code, req.MenuIds); err != nil {
		return nil, err
	}
	return &v1.RoleMenusUpdateRes{}, nil
}
