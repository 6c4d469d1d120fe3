// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package menu

import (
	"context"

	"kami/api/menu/v1"
)

type IMenuV1 interface {
	All(ctx context.Context, req *v1.AllReq) (res *v1.AllRes, err error)
}
