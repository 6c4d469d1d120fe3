package security

import (
	"context"

	"kami/api/security/v1"
	"kami/internal/service"
)

func (c *ControllerV1) LockList(ctx context.Context, req *v1.LockListReq) (res *v1.LockListRes, err error) {
	return service.Security().LockList(ctx, req)
}
