package menu

import (
	"context"

	"kami/api/menu/v1"
	"kami/internal/service"
)

func (c *ControllerV1) All(ctx context.Context, req *v1.AllReq) (res *v1.AllRes, err error) {
	items, err := service.Rbac().CallerMenuTree(ctx)
	if err != nil {
		return nil, err
	}
	all := v1.AllRes(items)
	return &all, nil
}
