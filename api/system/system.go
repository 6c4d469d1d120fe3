// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package system

import (
	"context"

	"kami/api/system/v1"
)

type ISystemV1 interface {
	UserList(ctx context.Context, req *v1.UserListReq) (res *v1.UserListRes, err error)
	UserGet(ctx context.Context, req *v1.UserGetReq) (res *v1.UserGetRes, err error)
	UserCreate(ctx context.Context, req *v1.UserCreateReq) (res *v1.UserCreateRes, err error)
	UserUpdate(ctx context.Context, req *v1.UserUpdateReq) (res *v1.UserUpdateRes, err error)
	UserStatus(ctx context.Context, req *v1.UserStatusReq) (res *v1.UserStatusRes, err error)
	UserPassword(ctx context.Context, req *v1.UserPasswordReq) (res *v1.UserPasswordRes, err error)
}
