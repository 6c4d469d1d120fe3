package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) RentalResume(ctx context.Context, req *v1.RentalResumeReq) (res *v1.RentalResumeRes, err error) {
	return service.Derp().RentalResume(ctx, req)
}
