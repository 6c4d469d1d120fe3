package notify

import (
	"context"

	v1 "kami/api/notification/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// The inbox endpoints only ever touch the caller's own rows: every query is bound to the
// caller's user id, so someone else's notification reads as not found.

func caller(ctx context.Context) (int64, error) {
	p := principal.From(ctx)
	if p == nil {
		return 0, errs.Unauthorized.New()
	}
	return p.UserID, nil
}

// inboxSorts: ids grow with creation time, so createdAt sorts by id.
var inboxSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.Notifications.Columns().Id),
	"createdAt": listq.Ordinal(dao.Notifications.Columns().Id),
})

// List is the caller's inbox, newest first.
func (s *sNotify) List(ctx context.Context, req *v1.NotificationListReq) (*v1.NotificationListRes, error) {
	uid, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	cols := dao.Notifications.Columns()
	m := dao.Notifications.Ctx(ctx).Safe().Where(cols.UserId, uid)
	if req.Unread != nil {
		if *req.Unread {
			m = m.WhereNull(cols.ReadAt)
		} else {
			m = m.WhereNotNull(cols.ReadAt)
		}
	}
	rows, total, err := listq.Page[entity.Notifications](m, req.PageReq, inboxSorts)
	if err != nil {
		return nil, err
	}
	items, err := toItems(ctx, rows)
	if err != nil {
		return nil, err
	}
	return &v1.NotificationListRes{Items: items, Total: total}, nil
}

// UnreadCount is how many of the caller's notifications are unread.
func (s *sNotify) UnreadCount(ctx context.Context, _ *v1.NotificationUnreadCountReq) (*v1.NotificationUnreadCountRes, error) {
	uid, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	cols := dao.Notifications.Columns()
	n, err := dao.Notifications.Ctx(ctx).Where(cols.UserId, uid).WhereNull(cols.ReadAt).Count()
	if err != nil {
		return nil, err
	}
	return &v1.NotificationUnreadCountRes{Count: n}, nil
}

// Read marks one of the caller's notifications read; reading it again keeps the first time.
func (s *sNotify) Read(ctx context.Context, req *v1.NotificationReadReq) (*v1.NotificationReadRes, error) {
	uid, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	cols := dao.Notifications.Columns()
	if _, err = dao.Notifications.Ctx(ctx).Data(do.Notifications{ReadAt: s.now()}).
		Where(cols.Id, req.Id).Where(cols.UserId, uid).WhereNull(cols.ReadAt).Update(); err != nil {
		return nil, err
	}
	var row entity.Notifications
	err = dao.Notifications.Ctx(ctx).Where(cols.Id, req.Id).Where(cols.UserId, uid).Scan(&row)
	if dbx.IsNoRows(err) {
		return nil, errs.NotFound.New()
	}
	if err != nil {
		return nil, err
	}
	items, err := toItems(ctx, []entity.Notifications{row})
	if err != nil {
		return nil, err
	}
	return &v1.NotificationReadRes{NotificationItem: items[0]}, nil
}

// ReadAll marks every unread notification of the caller read.
func (s *sNotify) ReadAll(ctx context.Context, _ *v1.NotificationReadAllReq) (*v1.NotificationReadAllRes, error) {
	uid, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	cols := dao.Notifications.Columns()
	res, err := dao.Notifications.Ctx(ctx).Data(do.Notifications{ReadAt: s.now()}).
		Where(cols.UserId, uid).WhereNull(cols.ReadAt).Update()
	if err != nil {
		return nil, err
	}
	n, _ := res.RowsAffected()
	return &v1.NotificationReadAllRes{Count: int(n)}, nil
}

// toItems renders inbox rows in the request's language.
func toItems(ctx context.Context, rows []entity.Notifications) ([]v1.NotificationItem, error) {
	out := make([]v1.NotificationItem, 0, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	ids := make([]int64, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.NoticeId)
	}
	var notices []entity.Notices
	if err := dao.Notices.Ctx(ctx).WhereIn(dao.Notices.Columns().Id, ids).Scan(&notices); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	byID := make(map[int64]*entity.Notices, len(notices))
	for i := range notices {
		byID[notices[i].Id] = &notices[i]
	}
	for _, r := range rows {
		n := byID[r.NoticeId]
		if n == nil {
			continue // written in one transaction with its notice: cannot happen
		}
		title, body := render(ctx, n)
		it := v1.NotificationItem{
			Id: r.Id, Kind: n.Kind, KindName: kindName(ctx, n.Kind), Title: title, Content: body,
			Read: r.ReadAt != nil, CreatedAt: timefmt.Format(r.CreatedAt),
		}
		if r.ReadAt != nil {
			at := timefmt.Format(r.ReadAt)
			it.ReadAt = &at
		}
		if n.RefType != "" {
			it.Ref = &v1.Ref{Type: n.RefType, Id: n.RefId}
		}
		out = append(out, it)
	}
	return out, nil
}
