package notify

import (
	"context"
	"encoding/json"

	v1 "kami/api/notification/v1"
	"kami/internal/dao"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
)

var announcementSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.Announcements.Columns().Id),
	"createdAt": listq.Ordinal(dao.Announcements.Columns().Id),
	"sendAt":    listq.Ordinal(dao.Announcements.Columns().SendAt),
})

// Announcements lists the announcements, newest first.
func (s *sNotify) Announcements(ctx context.Context, req *v1.AnnouncementListReq) (*v1.AnnouncementListRes, error) {
	cols := dao.Announcements.Columns()
	m := dao.Announcements.Ctx(ctx).Safe()
	if req.Type != "" {
		m = m.Where(cols.Type, req.Type)
	}
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	rows, total, err := listq.Page[entity.Announcements](m, req.PageReq, announcementSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.AnnouncementListRes{Items: make([]v1.AnnouncementItem, 0, len(rows)), Total: total}
	for i := range rows {
		res.Items = append(res.Items, toAnnouncement(ctx, &rows[i]))
	}
	return res, nil
}

func announcementItem(ctx context.Context, id int64) (*v1.AnnouncementItem, error) {
	var a entity.Announcements
	if err := dao.Announcements.Ctx(ctx).WherePri(id).Scan(&a); err != nil {
		return nil, err
	}
	it := toAnnouncement(ctx, &a)
	return &it, nil
}

func toAnnouncement(ctx context.Context, a *entity.Announcements) v1.AnnouncementItem {
	it := v1.AnnouncementItem{
		Id: a.Id, Title: a.Title, Content: a.Content, Type: a.Type, TypeName: kindName(ctx, "announcement."+a.Type),
		Email: a.Email == 1, Status: a.Status, SendAt: timefmt.Format(a.SendAt), Recipients: a.Recipients,
		CreatedBy: a.CreatedBy, Creator: a.Creator, CreatedAt: timefmt.Format(a.CreatedAt),
	}
	_ = json.Unmarshal([]byte(a.Audience), &it.Audience)
	if a.SentAt != nil {
		at := timefmt.Format(a.SentAt)
		it.SentAt = &at
	}
	return it
}
