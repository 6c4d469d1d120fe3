package rbac

import (
	"context"
	"encoding/json"
	"sort"

	"github.com/gogf/gf/v2/errors/gerror"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model/entity"
)

// menuSet is the whole menus table in display order. The table holds tens of rows, so every
// question about it is answered in memory from one read instead of per-role SQL.
type menuSet struct {
	rows []*entity.Menus // sorted by sort, then id
	byID map[int64]*entity.Menus
}

func loadMenus(ctx context.Context) (*menuSet, error) {
	var rows []*entity.Menus
	if err := dao.Menus.Ctx(ctx).Scan(&rows); err != nil {
		return nil, err
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Sort != rows[j].Sort {
			return rows[i].Sort < rows[j].Sort
		}
		return rows[i].Id < rows[j].Id
	})
	s := &menuSet{rows: rows, byID: make(map[int64]*entity.Menus, len(rows))}
	for _, r := range rows {
		s.byID[r.Id] = r
	}
	return s, nil
}

// active reports whether a row is enabled and so are all its ancestors: disabling a catalog
// must also retire the buttons (and their APIs) beneath it. A dangling parent fails closed.
func (s *menuSet) active(id int64) bool {
	for hops := 0; id != 0; hops++ {
		r, ok := s.byID[id]
		if !ok || r.Status != consts.StatusEnabled || hops > len(s.rows) {
			return false
		}
		id = r.ParentId
	}
	return true
}

// held returns the active rows a role holds, in display order. The super-admin holds all.
func (s *menuSet) held(role string, grants map[int64]bool) []*entity.Menus {
	out := make([]*entity.Menus, 0, len(s.rows))
	for _, r := range s.rows {
		if (role == consts.RoleSuperAdmin || grants[r.Id]) && s.active(r.Id) {
			out = append(out, r)
		}
	}
	return out
}

// loadGrants reads role_menus for one role, or for every role when role is "".
func loadGrants(ctx context.Context, role string) (map[string]map[int64]bool, error) {
	m := dao.RoleMenus.Ctx(ctx)
	if role != "" {
		m = m.Where(dao.RoleMenus.Columns().Role, role)
	}
	var rows []*entity.RoleMenus
	if err := m.Scan(&rows); err != nil {
		return nil, err
	}
	out := map[string]map[int64]bool{}
	for _, r := range rows {
		if out[r.Role] == nil {
			out[r.Role] = map[int64]bool{}
		}
		out[r.Role][r.MenuId] = true
	}
	return out, nil
}

// heldBy loads the menus and one role's grants and returns the rows that role holds.
func heldBy(ctx context.Context, role string) (*menuSet, []*entity.Menus, error) {
	set, err := loadMenus(ctx)
	if err != nil {
		return nil, nil, err
	}
	grants, err := loadGrants(ctx, role)
	if err != nil {
		return nil, nil, err
	}
	return set, set.held(role, grants[role]), nil
}

func encodeAPIs(apis []string) string {
	if len(apis) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(apis) // a []string always marshals
	return string(b)
}

func decodeAPIs(r *entity.Menus) ([]string, error) {
	if r.Apis == "" {
		return nil, nil
	}
	var apis []string
	if err := json.Unmarshal([]byte(r.Apis), &apis); err != nil {
		return nil, gerror.Wrapf(err, "menu %q: apis column is not a JSON array", r.Name)
	}
	return apis, nil
}
