package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) RentalAclRegenerate(ctx context.Context, req *v1.RentalAclRegenerateReq) (res *v1.RentalAclRegenerateRes, err error) {
	return service.Derp().RentalAclRegenerate(ctx, req)
}
