package notification

import (
	"context"

	"kami/api/notification/v1"
	"kami/internal/service"
)

func (c *ControllerV1) NotificationUnreadCount(ctx context.Context, req *v1.NotificationUnreadCountReq) (res *v1.NotificationUnreadCountRes, err error) {
	return service.Notify().UnreadCount(ctx, req)
}
