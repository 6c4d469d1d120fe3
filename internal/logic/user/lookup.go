package user

import (
	"context"

	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/entity"
	"kami/utility/dbx"
	"kami/utility/username"
)

// Account is the user row other modules need (role, status, parent, path for scope checks):
// 404 when there is none. The user module owns the table; the others read it through here.
func (s *sUser) Account(ctx context.Context, id int64) (*entity.Users, error) {
	return mustGet(ctx, id)
}

// AccountByUsername finds a user by login name in any spelling (the canonical key), or 404.
func (s *sUser) AccountByUsername(ctx context.Context, name string) (*entity.Users, error) {
	var u *entity.Users
	err := dao.Users.Ctx(ctx).Where(dao.Users.Columns().UsernameKey, username.Canonical(name)).Scan(&u)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if u == nil {
		return nil, errs.NotFound.New()
	}
	return u, nil
}

// Usernames maps user ids to their usernames, for lists that show who is on a row.
func (s *sUser) Usernames(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []entity.Users
	cols := dao.Users.Columns()
	if err := dao.Users.Ctx(ctx).Fields(cols.Id, cols.Username).WhereIn(cols.Id, ids).Scan(&rows); err != nil {
		return nil, err
	}
	for _, u := range rows {
		out[u.Id] = u.Username
	}
	return out, nil
}
