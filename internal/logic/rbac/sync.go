package rbac

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/model/entity"
)

// builtinRoles are the fixed roles; their names are i18n keys localized on output.
var builtinRoles = []entity.Roles{
	{Code: consts.RoleSuperAdmin, Name: "role.super-admin", Level: consts.RoleLevel(consts.RoleSuperAdmin)},
	{Code: consts.RoleAgentAdmin, Name: "role.agent-admin", Level: consts.RoleLevel(consts.RoleAgentAdmin)},
	{Code: consts.RoleAgent, Name: "role.agent", Level: consts.RoleLevel(consts.RoleAgent)},
	{Code: consts.RoleMember, Name: "role.member", Level: consts.RoleLevel(consts.RoleMember)},
}

// Sync makes the roles and menus tables match the code, grants new menus to their default
// roles and rebuilds every role's policies. It runs at every boot after the migrations, on
// every node, so it must be idempotent and safe to run on two nodes at once.
func (s *sRbac) Sync(ctx context.Context) error {
	nodes, err := ordered()
	if err != nil {
		return err
	}
	return s.write(ctx, func(ctx context.Context) error {
		if err := seedRoles(ctx); err != nil {
			return err
		}
		inserted, err := upsertMenus(ctx, nodes)
		if err != nil {
			return err
		}
		if err = grantDefaults(ctx, inserted); err != nil {
			return err
		}
		return rebuildPolicies(ctx)
	})
}

func seedRoles(ctx context.Context) error {
	cols := dao.Roles.Columns()
	var existing []*entity.Roles
	if err := dao.Roles.Ctx(ctx).Scan(&existing); err != nil {
		return err
	}
	have := map[string]*entity.Roles{}
	for _, r := range existing {
		have[r.Code] = r
	}
	for _, r := range builtinRoles {
		cur, ok := have[r.Code]
		switch {
		case !ok:
			if _, err := dao.Roles.Ctx(ctx).Data(do.Roles{Code: r.Code, Name: r.Name, Level: r.Level}).InsertIgnore(); err != nil {
				return err
			}
		case cur.Name != r.Name || cur.Level != r.Level:
			// The level is what authorization compares, so it always follows the code.
			if _, err := dao.Roles.Ctx(ctx).Data(do.Roles{Name: r.Name, Level: r.Level}).Where(cols.Code, r.Code).Update(); err != nil {
				return err
			}
		}
	}
	return nil
}

// upsertMenus inserts missing rows, corrects built-in rows whose attributes or parent changed,
// and disables rows no longer in the catalog. Status belongs to the catalog like every other
// column (no screen edits menus), so a node that returns is enabled again; retired rows are
// disabled rather than deleted so their grants survive that return. It returns the nodes
// inserted by this run, by their new ids.
func upsertMenus(ctx context.Context, nodes []Node) (map[int64]Node, error) {
	cols := dao.Menus.Columns()
	var existing []*entity.Menus
	if err := dao.Menus.Ctx(ctx).Scan(&existing); err != nil {
		return nil, err
	}
	byName := make(map[string]*entity.Menus, len(existing))
	for _, r := range existing {
		byName[r.Name] = r
	}
	ids := make(map[string]int64, len(nodes))
	inserted := map[int64]Node{}
	for _, n := range nodes { // parents come first, so ids[n.Parent] is known
		want := menuRow(n, ids[n.Parent])
		if cur, ok := byName[n.Name]; ok {
			ids[n.Name] = cur.Id
			if !sameRow(cur, want) {
				if _, err := dao.Menus.Ctx(ctx).Data(menuData(want)).Where(cols.Id, cur.Id).Update(); err != nil {
					return nil, err
				}
			}
			continue
		}
		// InsertIgnore because the unique name is the last line of defence should two
		// writers ever get past write's lock (e.g. a node running older code).
		res, err := dao.Menus.Ctx(ctx).Data(menuData(want)).InsertIgnore()
		if err != nil {
			return nil, err
		}
		affected, err := res.RowsAffected()
		if err != nil {
			return nil, err
		}
		id, err := dao.Menus.Ctx(ctx).Where(cols.Name, n.Name).Value(cols.Id)
		if err != nil {
			return nil, err
		}
		ids[n.Name] = id.Int64()
		if affected > 0 {
			inserted[id.Int64()] = n
		}
	}
	var retired []int64
	for _, r := range existing {
		if _, ok := ids[r.Name]; !ok && r.Status != consts.StatusDisabled {
			retired = append(retired, r.Id)
		}
	}
	if len(retired) > 0 {
		if _, err := dao.Menus.Ctx(ctx).Data(do.Menus{Status: consts.StatusDisabled}).WhereIn(cols.Id, retired).Update(); err != nil {
			return nil, err
		}
	}
	return inserted, nil
}

// grantDefaults gives freshly inserted rows to their default roles. Only fresh rows: a row
// that existed already carries whatever grants admins left on it.
func grantDefaults(ctx context.Context, inserted map[int64]Node) error {
	var rows gdb.List
	for id, n := range inserted {
		for _, role := range n.Roles {
			if role != consts.RoleSuperAdmin { // holds everything without grants
				rows = append(rows, gdb.Map{dao.RoleMenus.Columns().Role: role, dao.RoleMenus.Columns().MenuId: id})
			}
		}
	}
	if len(rows) == 0 {
		return nil
	}
	_, err := dao.RoleMenus.Ctx(ctx).Data(rows).InsertIgnore()
	return err
}

func menuRow(n Node, parentID int64) *entity.Menus {
	hide := 0
	if n.HideInMenu {
		hide = 1
	}
	return &entity.Menus{
		ParentId: parentID, Type: n.Type, Name: n.Name, Path: n.Path, Component: n.Component,
		Redirect: n.Redirect, Title: n.Title, Icon: n.Icon, Sort: n.Sort, AuthCode: n.AuthCode,
		Apis: encodeAPIs(n.APIs), HideInMenu: hide, Status: consts.StatusEnabled,
	}
}

func menuData(r *entity.Menus) do.Menus {
	return do.Menus{
		ParentId: r.ParentId, Type: r.Type, Name: r.Name, Path: r.Path, Component: r.Component,
		Redirect: r.Redirect, Title: r.Title, Icon: r.Icon, Sort: r.Sort, AuthCode: r.AuthCode,
		Apis: r.Apis, HideInMenu: r.HideInMenu, Status: r.Status,
	}
}

// sameRow compares what the catalog owns; skipping equal rows keeps a routine boot from
// rewriting every row and its updated_at.
func sameRow(a, b *entity.Menus) bool {
	return a.ParentId == b.ParentId && a.Type == b.Type && a.Path == b.Path && a.Component == b.Component &&
		a.Redirect == b.Redirect && a.Title == b.Title && a.Icon == b.Icon && a.Sort == b.Sort &&
		a.AuthCode == b.AuthCode && a.Apis == b.Apis && a.HideInMenu == b.HideInMenu && a.Status == b.Status
}
