package security

import (
	"context"

	"kami/api/security/v1"
	"kami/internal/service"
)

func (c *ControllerV1) LockUnlock(ctx context.Context, req *v1.LockUnlockReq) (res *v1.LockUnlockRes, err error) {
	return service.Security().Unlock(ctx, req)
}
