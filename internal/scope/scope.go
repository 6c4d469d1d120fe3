// Package scope applies the caller's data scope to any query: the super-admin sees all rows,
// an agent-admin its own rows and those of its subtree, an agent only its own. Every module
// filters lists and checks single rows through here, so the rule lives in one place.
package scope

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/principal"
)

// Kind is how far a caller sees.
type Kind int

const (
	None Kind = iota
	Self
	Subtree
	All
)

// Of returns the scope of the caller in ctx; no caller means None, so a missing auth step
// fails closed.
func Of(ctx context.Context) Kind {
	p := principal.From(ctx)
	if p == nil {
		return None
	}
	switch p.Role {
	case consts.RoleSuperAdmin:
		return All
	case consts.RoleAgentAdmin:
		return Subtree
	case consts.RoleAgent, consts.RoleMember:
		return Self
	}
	return None
}

// Apply filters m so only rows whose ownerCol (a user id column) is visible to the caller remain.
func Apply(ctx context.Context, m *gdb.Model, ownerCol string) *gdb.Model {
	p := principal.From(ctx)
	switch Of(ctx) {
	case All:
		return m
	case Subtree:
		sub := dao.Users.Ctx(ctx).Fields(dao.Users.Columns().Id).WhereLike(dao.Users.Columns().Path, p.Path+"%")
		return m.WhereIn(ownerCol, sub)
	case Self:
		return m.Where(ownerCol, p.UserID)
	}
	return m.Where("1=0")
}

// ApplyUsers filters a query on the users table itself, where the path column makes the
// subtree test a prefix match instead of a sub-query.
func ApplyUsers(ctx context.Context, m *gdb.Model) *gdb.Model {
	p := principal.From(ctx)
	cols := dao.Users.Columns()
	switch Of(ctx) {
	case All:
		return m
	case Subtree:
		return m.WhereLike(cols.Path, p.Path+"%")
	case Self:
		return m.Where(cols.Id, p.UserID)
	}
	return m.Where("1=0")
}

// CheckUser returns nil when the user with that id and path is inside the caller's scope, and
// 404 NOT_FOUND otherwise: the same answer as for an id that does not exist, so probing ids
// tells a caller nothing about rows outside its scope. (403 is for routes a role may not call.)
func CheckUser(ctx context.Context, userID int64, path string) error {
	p := principal.From(ctx)
	switch Of(ctx) {
	case All:
		return nil
	case Subtree:
		if len(path) >= len(p.Path) && path[:len(p.Path)] == p.Path {
			return nil
		}
	case Self:
		if userID == p.UserID {
			return nil
		}
	}
	return errs.NotFound.New()
}
