package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MenuList(ctx context.Context, req *v1.MenuListReq) (res *v1.MenuListRes, err error) {
	items, err := service.Rbac().MenuList(ctx)
	if err != nil {
		return nil, err
	}
	return &v1.MenuListRes{Items: items, Total: len(items)}, nil
}
