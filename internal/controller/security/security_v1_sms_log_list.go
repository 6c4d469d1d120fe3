package security

import (
	"context"

	"kami/api/security/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SMSLogList(ctx context.Context, req *v1.SMSLogListReq) (res *v1.SMSLogListRes, err error) {
	return service.Security().SMSLogList(ctx, req)
}
