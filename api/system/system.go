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
	UserList(ctx context.Context, req *v1.UserListReq) (res *v1.UserListRes, err error)
	UserGet(ctx context.Context, req *v1.UserGetReq) (res *v1.UserGetRes, err error)
	UserCreate(ctx context.Context, req *v1.UserCreateReq) (res *v1.UserCreateRes, err error)
	UserUpdate(ctx context.Context, req *v1.UserUpdateReq) (res *v1.UserUpdateRes, err error)
	UserStatus(ctx context.Context, req *v1.UserStatusReq) (res *v1.UserStatusRes, err error)
	UserPassword(ctx context.Context, req *v1.UserPasswordReq) (res *v1.UserPasswordRes, err error)
}
