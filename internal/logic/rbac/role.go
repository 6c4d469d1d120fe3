package rbac

import (
	"context"
	"sort"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/i18n/gi18n"

	systemv1 "kami/api/system/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
)

// maxGrant bounds one request; the catalog has tens of rows, so more is a broken client.
const maxGrant = 1000

// caller returns the principal and its role level; RBAC screens need a built-in role.
func caller(ctx context.Context) (*principal.Principal, int, error) {
	p := principal.From(ctx)
	if p == nil {
		return nil, 0, errs.Unauthorized.New()
	}
	level := consts.RoleLevel(p.Role)
	if level < 0 {
		return nil, 0, errs.Forbidden.New()
	}
	return p, level, nil
}

// RoleList lists the roles at the caller's level and below, highest first.
func (s *sRbac) RoleList(ctx context.Context) ([]*systemv1.RoleItem, error) {
	_, level, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	cols := dao.Roles.Columns()
	var rows []*entity.Roles
	err = dao.Roles.Ctx(ctx).WhereGTE(cols.Level, level).OrderAsc(cols.Level).OrderAsc(cols.Code).Scan(&rows)
	if err != nil {
		return nil, err
	}
	out := make([]*systemv1.RoleItem, 0, len(rows))
	for _, r := range rows {
		out = append(out, &systemv1.RoleItem{Code: r.Code, Name: gi18n.T(ctx, r.Name), Level: r.Level, Remark: r.Remark})
	}
	return out, nil
}

// RoleMenus returns the ids of the active menus role code holds, limited to those the caller
// holds: the caller's tree (MenuList) has no node for anything else.
func (s *sRbac) RoleMenus(ctx context.Context, code string) ([]int64, error) {
	p, level, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	target, err := roleByCode(ctx, code)
	if err != nil {
		return nil, err
	}
	if target.Level < level {
		return nil, errs.Forbidden.New()
	}
	set, err := loadMenus(ctx)
	if err != nil {
		return nil, err
	}
	grants, err := loadGrants(ctx, "")
	if err != nil {
		return nil, err
	}
	mine := set.held(p.Role, grants[p.Role])
	ids := make([]int64, 0, len(mine))
	for _, r := range mine {
		if target.Code == consts.RoleSuperAdmin || grants[target.Code][r.Id] {
			ids = append(ids, r.Id)
		}
	}
	return ids, nil
}

// SetRoleMenus makes menuIDs the menus role code holds, as far as the caller can see. Grants
// outside what MenuList shows the caller (menus it lacks, retired rows) are left as they are:
// the caller was never shown them, so it cannot have meant to revoke them. The caller may
// edit only roles below its own level and grant only menus it holds itself
// (GRANT_EXCEEDS_OWN otherwise). Grants, the role's policies and the version change in one
// transaction; nothing changes on refusal.
func (s *sRbac) SetRoleMenus(ctx context.Context, code string, menuIDs []int64) error {
	p, level, err := caller(ctx)
	if err != nil {
		return err
	}
	ids, err := distinctIDs(menuIDs)
	if err != nil {
		return err
	}
	// Checks run inside the transaction, after its lock, so they judge the state the write
	// replaces and not one a concurrent change has already moved on from.
	return s.write(ctx, func(ctx context.Context) error {
		target, err := roleByCode(ctx, code)
		if err != nil {
			return err
		}
		if target.Level <= level {
			return errs.Forbidden.New()
		}
		n, err := dao.Menus.Ctx(ctx).WhereIn(dao.Menus.Columns().Id, ids).Count()
		if err != nil {
			return err
		}
		if n != len(ids) {
			return errs.MenuUnknown.New()
		}
		ok, err := s.HasMenus(ctx, p.Role, ids)
		if err != nil {
			return err
		}
		if !ok {
			return errs.GrantExceeds.New()
		}
		set, err := loadMenus(ctx)
		if err != nil {
			return err
		}
		grants, err := loadGrants(ctx, "")
		if err != nil {
			return err
		}
		visible := map[int64]bool{}
		for _, r := range set.held(p.Role, grants[p.Role]) {
			visible[r.Id] = true
		}
		final := ids
		for id := range grants[target.Code] {
			if !visible[id] {
				final = append(final, id)
			}
		}
		if err = replaceGrants(ctx, target.Code, final); err != nil {
			return err
		}
		// A grant must never commit without its audit row.
		return service.Middleware().AuditInTx(ctx, gdb.TXFromCtx(ctx, dao.RoleMenus.Group()))
	})
}

func distinctIDs(menuIDs []int64) ([]int64, error) {
	if len(menuIDs) > maxGrant {
		return nil, errs.InvalidInput.New()
	}
	seen := make(map[int64]bool, len(menuIDs))
	ids := make([]int64, 0, len(menuIDs))
	for _, id := range menuIDs {
		if id <= 0 {
			return nil, errs.MenuUnknown.New()
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids, nil
}

func replaceGrants(ctx context.Context, role string, ids []int64) error {
	cols := dao.RoleMenus.Columns()
	if _, err := dao.RoleMenus.Ctx(ctx).Where(cols.Role, role).Delete(); err != nil {
		return err
	}
	if len(ids) > 0 {
		rows := make(gdb.List, 0, len(ids))
		for _, id := range ids {
			rows = append(rows, gdb.Map{cols.Role: role, cols.MenuId: id})
		}
		if _, err := dao.RoleMenus.Ctx(ctx).Data(rows).Batch(200).Insert(); err != nil {
			return err
		}
	}
	return rebuildPolicies(ctx)
}
