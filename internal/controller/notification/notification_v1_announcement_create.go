package notification

import (
	"context"

	"kami/api/notification/v1"
	"kami/internal/service"
)

func (c *ControllerV1) AnnouncementCreate(ctx context.Context, req *v1.AnnouncementCreateReq) (res *v1.AnnouncementCreateRes, err error) {
	return service.Notify().Announce(ctx, req)
}
