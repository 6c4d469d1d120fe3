package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MeAclVersions(ctx context.Context, req *v1.MeAclVersionsReq) (res *v1.MeAclVersionsRes, err error) {
	return service.Derp().MeAclVersions(ctx, req)
}
