package apicalls

import (
	"context"

	"kami/api/apicalls/v1"
	"kami/internal/service"
)

func (c *ControllerV1) CallList(ctx context.Context, req *v1.CallListReq) (res *v1.CallListRes, err error) {
	return service.ApiCalls().Calls(ctx, req)
}
