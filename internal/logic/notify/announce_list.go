package notify

import (
	"context"
	"encoding/json"

	v1 "kami/api/notification/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// Announcements lists the announcements, newest first.
func (s *sNotify) Announcements(ctx context.Context, req *v1.AnnouncementListReq) (*v1.AnnouncementListRes, error) {
	cols := dao.Announcements.Columns()
	order := map[string]string{"": cols.Id, "createdAt": cols.Id, "sendAt": cols.SendAt}[req.SortBy]
	if order == "" {
		return nil, errs.SortInvalid.New(req.SortBy)
	}
	m := dao.Announcements.Ctx(ctx).Safe()
	if req.Type != "" {
		m = m.Where(cols.Type, req.Type)
	}
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	total, err := m.Count()
	if err != nil {
		return nil, err
	}
	page := m.OrderDesc(order)
	if req.SortOrder == "asc" {
		page = m.OrderAsc(order)
	}
	var rows []entity.Announcements
	if err = page.OrderDesc(cols.Id).Page(req.Page, req.PageSize).Scan(&rows); err != nil && !dbx.IsNoRows(err) {
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
