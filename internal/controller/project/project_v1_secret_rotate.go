package project

import (
	"context"

	"kami/api/project/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SecretRotate(ctx context.Context, req *v1.SecretRotateReq) (res *v1.SecretRotateRes, err error) {
	return service.Project().RotateSecret(ctx, req)
}
