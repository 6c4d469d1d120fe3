package apicalls

import (
	"context"

	"kami/api/apicalls/v1"
	"kami/internal/service"
)

func (c *ControllerV1) FailureList(ctx context.Context, req *v1.FailureListReq) (res *v1.FailureListRes, err error) {
	return service.ApiCalls().Failures(ctx, req)
}
