package project

import (
	"context"

	"kami/api/project/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SigningKeyRotate(ctx context.Context, req *v1.SigningKeyRotateReq) (res *v1.SigningKeyRotateRes, err error) {
	return service.Project().RotateSigningKey(ctx, req)
}
