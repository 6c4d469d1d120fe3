package security

import (
	"context"

	"kami/api/security/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SMSTestSend(ctx context.Context, req *v1.SMSTestSendReq) (res *v1.SMSTestSendRes, err error) {
	return service.Security().SMSTestSend(ctx, req)
}
