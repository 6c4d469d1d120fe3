package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) RoleList(ctx context.Context, req *v1.RoleListReq) (res *v1.RoleListRes, err error) {
	items, err := service.Rbac().RoleList(ctx)
	if err != nil {
		return nil, err
	}
	return &v1.RoleListRes{Items: items, Total: len(items)}, nil
}
