package rbac

import (
	"context"

	"github.com/gogf/gf/v2/i18n/gi18n"

	menuv1 "kami/api/menu/v1"
	systemv1 "kami/api/system/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/entity"
	"kami/internal/principal"
)

// Codes returns the permission codes of the active buttons role holds (Vben's access codes).
func (s *sRbac) Codes(ctx context.Context, role string) ([]string, error) {
	_, rows, err := heldBy(ctx, role)
	if err != nil {
		return nil, err
	}
	codes := make([]string, 0, len(rows))
	seen := map[string]bool{}
	for _, r := range rows {
		if r.Type == TypeButton && r.AuthCode != "" && !seen[r.AuthCode] {
			seen[r.AuthCode] = true
			codes = append(codes, r.AuthCode)
		}
	}
	return codes, nil
}

// MenuTree returns the Vben route tree of the catalogs and menus role holds, titles localized
// for the language in ctx. An ancestor of a held row is shown even when not held itself, so
// a grant made without its catalog still has somewhere to appear.
func (s *sRbac) MenuTree(ctx context.Context, role string) ([]*menuv1.MenuItem, error) {
	set, rows, err := heldBy(ctx, role)
	if err != nil {
		return nil, err
	}
	shown := map[int64]bool{}
	for _, r := range rows {
		if r.Type == TypeButton {
			continue
		}
		for id := r.Id; id != 0 && !shown[id]; id = set.byID[id].ParentId {
			shown[id] = true // held rows are active, so every ancestor exists
		}
	}
	items := map[int64]*menuv1.MenuItem{}
	var roots []*menuv1.MenuItem
	for _, r := range set.rows { // display order, parents not necessarily first
		if shown[r.Id] {
			items[r.Id] = menuItem(ctx, r)
		}
	}
	for _, r := range set.rows {
		item, ok := items[r.Id]
		if !ok {
			continue
		}
		if parent, ok := items[r.ParentId]; ok {
			parent.Children = append(parent.Children, item)
		} else {
			roots = append(roots, item)
		}
	}
	return pruneEmpty(roots, set), nil
}

// pruneEmpty drops catalogs left without children: they have no page of their own, so Vben
// would show a heading that opens onto nothing.
func pruneEmpty(items []*menuv1.MenuItem, set *menuSet) []*menuv1.MenuItem {
	kinds := make(map[string]string, len(set.rows))
	for _, r := range set.rows {
		kinds[r.Name] = r.Type
	}
	var prune func(items []*menuv1.MenuItem) []*menuv1.MenuItem
	prune = func(items []*menuv1.MenuItem) []*menuv1.MenuItem {
		out := make([]*menuv1.MenuItem, 0, len(items)) // [] not null in JSON, for the panel
		for _, it := range items {
			it.Children = prune(it.Children)
			if len(it.Children) == 0 {
				it.Children = nil
				if kinds[it.Name] == TypeCatalog {
					continue
				}
			}
			out = append(out, it)
		}
		return out
	}
	return prune(items)
}

func menuItem(ctx context.Context, r *entity.Menus) *menuv1.MenuItem {
	return &menuv1.MenuItem{
		Name: r.Name, Path: r.Path, Component: r.Component, Redirect: r.Redirect,
		Meta: menuv1.MenuMeta{Title: gi18n.T(ctx, r.Title), Icon: r.Icon, Order: r.Sort, HideInMenu: r.HideInMenu == 1},
	}
}

// CallerMenuTree is MenuTree for the logged-in caller (GET /menu/all).
func (s *sRbac) CallerMenuTree(ctx context.Context) ([]*menuv1.MenuItem, error) {
	p := principal.From(ctx)
	if p == nil {
		return nil, errs.Unauthorized.New()
	}
	return s.MenuTree(ctx, p.Role)
}

// HasMenus reports whether role holds every one of menuIDs (granted, whatever their status).
// The super-admin holds all.
func (s *sRbac) HasMenus(ctx context.Context, role string, menuIDs []int64) (bool, error) {
	if role == consts.RoleSuperAdmin || len(menuIDs) == 0 {
		return true, nil
	}
	grants, err := loadGrants(ctx, role)
	if err != nil {
		return false, err
	}
	for _, id := range menuIDs {
		if !grants[role][id] {
			return false, nil
		}
	}
	return true, nil
}

// MenuList returns the active menus the caller holds, flat, for the role-assignment tree: a
// caller can only hand out what it holds, so it is shown nothing else.
func (s *sRbac) MenuList(ctx context.Context) ([]*systemv1.MenuListItem, error) {
	p := principal.From(ctx)
	if p == nil {
		return nil, errs.Unauthorized.New()
	}
	_, rows, err := heldBy(ctx, p.Role)
	if err != nil {
		return nil, err
	}
	out := make([]*systemv1.MenuListItem, 0, len(rows))
	for _, r := range rows {
		out = append(out, &systemv1.MenuListItem{
			Id: r.Id, ParentId: r.ParentId, Type: r.Type, Name: r.Name,
			Title: gi18n.T(ctx, r.Title), AuthCode: r.AuthCode, Sort: r.Sort,
		})
	}
	return out, nil
}

// roleByCode loads a role row, NOT_FOUND when there is none.
func roleByCode(ctx context.Context, code string) (*entity.Roles, error) {
	var r *entity.Roles
	if err := dao.Roles.Ctx(ctx).Where(dao.Roles.Columns().Code, code).Scan(&r); err != nil {
		return nil, err
	}
	if r == nil {
		return nil, errs.NotFound.New()
	}
	return r, nil
}
