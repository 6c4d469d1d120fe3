package notification

import (
	"context"

	"kami/api/notification/v1"
	"kami/internal/service"
)

func (c *ControllerV1) NotificationReadAll(ctx context.Context, req *v1.NotificationReadAllReq) (res *v1.NotificationReadAllRes, err error) {
	return service.Notify().ReadAll(ctx, req)
}
