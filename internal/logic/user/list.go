package user

import (
	"context"
	"strings"

	sysv1 "kami/api/system/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/entity"
	"kami/internal/scope"
	"kami/utility/username"
)

// sortColumns whitelists what a client may sort by (API name -> column); anything else is a
// 400, never a column name pasted into SQL.
var sortColumns = map[string]string{
	"id":          dao.Users.Columns().Id,
	"username":    dao.Users.Columns().Username,
	"createdAt":   dao.Users.Columns().CreatedAt,
	"lastLoginAt": dao.Users.Columns().LastLoginAt,
}

// likeEscaper makes the username filter a literal substring: "_" and "%" would otherwise be
// wildcards. The escape character is "!" because SQLite has no default one and a backslash
// means different things inside MySQL and SQLite string literals.
var likeEscaper = strings.NewReplacer(`!`, `!!`, `%`, `!%`, `_`, `!_`)

// List pages through the users in the caller's scope, newest first unless asked otherwise.
func (s *sUser) List(ctx context.Context, req *sysv1.UserListReq) (*sysv1.UserListRes, error) {
	cols := dao.Users.Columns()
	order := cols.Id + " DESC"
	if req.SortBy != "" {
		col, ok := sortColumns[req.SortBy]
		if !ok {
			return nil, errs.SortInvalid.New(req.SortBy)
		}
		dir := "ASC"
		if req.SortOrder == "desc" {
			dir = "DESC"
		}
		// id breaks ties so rows with equal times never swap between pages.
		order = col + " " + dir + ", " + cols.Id + " " + dir
	}
	m := scope.ApplyUsers(ctx, dao.Users.Ctx(ctx)).FieldsEx(cols.PasswordHash)
	if req.Username != "" {
		// Matched on the canonical key, so the filter finds a name in any case, the same on
		// every backend (SQLite's LIKE ignores ASCII case, a binary MySQL collation does not).
		q := username.Canonical(req.Username)
		m = m.Where(cols.UsernameKey+" LIKE ? ESCAPE '!'", "%"+likeEscaper.Replace(q)+"%")
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
	var (
		rows  []entity.Users
		total int
	)
	if err := m.Order(order).Page(req.Page, req.PageSize).ScanAndCount(&rows, &total, false); err != nil {
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
