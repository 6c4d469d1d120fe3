package notification

import (
	"context"

	"kami/api/notification/v1"
	"kami/internal/service"
)

func (c *ControllerV1) NotificationList(ctx context.Context, req *v1.NotificationListReq) (res *v1.NotificationListRes, err error) {
	return service.Notify().List(ctx, req)
}
