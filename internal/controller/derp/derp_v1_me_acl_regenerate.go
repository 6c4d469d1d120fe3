package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MeAclRegenerate(ctx context.Context, req *v1.MeAclRegenerateReq) (res *v1.MeAclRegenerateRes, err error) {
	return service.Derp().MeAclRegenerate(ctx, req)
}
