package notification

import (
	"context"

	"kami/api/notification/v1"
	"kami/internal/service"
)

func (c *ControllerV1) AnnouncementList(ctx context.Context, req *v1.AnnouncementListReq) (res *v1.AnnouncementListRes, err error) {
	return service.Notify().Announcements(ctx, req)
}
