package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) DrawPwd(ctx context.Context, req *v1.DrawPwdReq) (res *v1.DrawPwdRes, err error) {
	return service.Proxy().DrawPwd(ctx, req)
}
