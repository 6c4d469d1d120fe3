package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) AclGenerationList(ctx context.Context, req *v1.AclGenerationListReq) (res *v1.AclGenerationListRes, err error) {
	return service.Derp().AclGenerationList(ctx, req)
}
