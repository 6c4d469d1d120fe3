package user

import (
	"context"

	sysv1 "kami/api/system/v1"
	"kami/internal/dao"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/scope"
	"kami/utility/username"
)

// userSorts is what a client may sort users by.
var userSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":          listq.Ordinal(dao.Users.Columns().Id),
	"username":    listq.Text(dao.Users.Columns().Username),
	"createdAt":   listq.Ordinal(dao.Users.Columns().CreatedAt),
	"lastLoginAt": listq.Ordinal(dao.Users.Columns().LastLoginAt),
})

// List pages through the users in the caller's scope, newest first unless asked otherwise.
func (s *sUser) List(ctx context.Context, req *sysv1.UserListReq) (*sysv1.UserListRes, error) {
	cols := dao.Users.Columns()
	m := scope.ApplyUsers(ctx, dao.Users.Ctx(ctx)).FieldsEx(cols.PasswordHash)
	if req.Username != "" {
		// Matched on the canonical key, so the filter finds a name in any case, the same on
		// every backend (SQLite's LIKE ignores ASCII case, a binary MySQL collation does not).
		m = listq.Contains(m, cols.UsernameKey, username.Canonical(req.Username))
	}
	if req.Role != "" {
		m = m.Where(cols.Role, req.Role)
	}
	if req.Status != nil {
		m = m.Where(cols.Status, *req.Status)
	}
	if req.ParentId > 0 {
		m = m.Where(cols.ParentId, req.ParentId)
	}
	rows, total, err := listq.Page[entity.Users](m, req.PageReq, userSorts)
	if err != nil {
		return nil, err
	}
	res := &sysv1.UserListRes{Items: make([]sysv1.UserItem, 0, len(rows)), Total: total}
	for i := range rows {
		res.Items = append(res.Items, toItem(&rows[i]))
	}
	return res, nil
}

// Get answers one user: 404 when the id does not exist or is outside the caller's scope alike.
func (s *sUser) Get(ctx context.Context, req *sysv1.UserGetReq) (*sysv1.UserGetRes, error) {
	u, err := loadInScope(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &sysv1.UserGetRes{UserItem: toItem(u)}, nil
}

// loadInScope loads a user row and checks it against the caller's data scope; every
// single-row endpoint starts here.
func loadInScope(ctx context.Context, id int64) (*entity.Users, error) {
	u, err := mustGet(ctx, id)
	if err != nil {
		return nil, err
	}
	if err = scope.CheckUser(ctx, u.Id, u.Path); err != nil {
		return nil, err
	}
	return u, nil
}
