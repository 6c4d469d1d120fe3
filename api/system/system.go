// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package system

import (
	"context"

	"kami/api/system/v1"
)

type ISystemV1 interface {
	MenuList(ctx context.Context, req *v1.MenuListReq) (res *v1.MenuListRes, err error)
	RoleList(ctx context.Context, req *v1.RoleListReq) (res *v1.RoleListRes, err error)
	RoleMenus(ctx context.Context, req *v1.RoleMenusReq) (res *v1.RoleMenusRes, err error)
	RoleMenusUpdate(ctx context.Context, req *v1.RoleMenusUpdateReq) (res *v1.RoleMenusUpdateRes, err error)
}
