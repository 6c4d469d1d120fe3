package rbac

import (
	"context"
	"sort"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/util/guid"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model/do"
)

// versionKey names the settings row every node polls; any RBAC write sets it to a new value.
const versionKey = "rbac.version"

func readVersion(ctx context.Context) (string, error) {
	v, err := dao.Settings.Ctx(ctx).Where(dao.Settings.Columns().K, versionKey).Value(dao.Settings.Columns().V)
	if err != nil {
		return "", err
	}
	return v.String(), nil
}

// write runs f in one transaction serialized against every other RBAC write on any node, bumps
// the version, and reloads this node's enforcer once committed.
//
// The first statement updates the version row. That takes its row lock on MySQL and the
// write lock on SQLite before anything is read, so two nodes booting together queue instead
// of interleaving (duplicate rules, deadlocks), and a later writer reads what the earlier
// one committed. The row is created beforehand, outside, because racing inserts of a missing
// row inside two transactions deadlock on MySQL's gap locks.
func (s *sRbac) write(ctx context.Context, f func(ctx context.Context) error) error {
	cols := dao.Settings.Columns()
	if _, err := dao.Settings.Ctx(ctx).Data(do.Settings{K: versionKey, V: ""}).InsertIgnore(); err != nil {
		return err
	}
	err := g.DB().Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		if _, err := dao.Settings.Ctx(ctx).Data(do.Settings{V: guid.S()}).Where(cols.K, versionKey).Update(); err != nil {
			return err
		}
		return f(ctx)
	})
	if err != nil {
		return err
	}
	// The change is committed; if this reload fails the poller retries, so the caller is
	// not told the change failed.
	if err = s.Reload(ctx); err != nil {
		g.Log().Warningf(ctx, "rbac: reloading after a change: %v", err)
	}
	return nil
}

// rebuildPolicies derives every role's rules from role_menus and the menus, replacing what
// casbin_rule held. It runs inside write's transaction so rules never disagree with grants.
func rebuildPolicies(ctx context.Context) error {
	roles, err := dao.Roles.Ctx(ctx).Array(dao.Roles.Columns().Code)
	if err != nil {
		return err
	}
	set, err := loadMenus(ctx)
	if err != nil {
		return err
	}
	grants, err := loadGrants(ctx, "")
	if err != nil {
		return err
	}
	store := policyStore()
	for _, v := range roles {
		role := v.String()
		rules, err := set.rules(role, grants[role])
		if err != nil {
			return err
		}
		if err = store.ReplaceSubject(ctx, "p", role, rules); err != nil {
			return err
		}
	}
	return nil
}

// rules lists the casbin policies of a role: one per API of every active row it holds. The
// super-admin gets a single wildcard rule, which Enforce never needs but keeps casbin_rule
// truthful for anyone reading it.
func (s *menuSet) rules(role string, grants map[int64]bool) ([][]string, error) {
	if role == consts.RoleSuperAdmin {
		return [][]string{{role, "*", "*"}}, nil
	}
	seen := map[[2]string]bool{}
	for _, r := range s.held(role, grants) {
		apis, err := decodeAPIs(r)
		if err != nil {
			return nil, err
		}
		for _, api := range apis {
			route, method, err := splitAPI(api)
			if err != nil {
				return nil, err
			}
			seen[[2]string{route, method}] = true
		}
	}
	out := make([][]string, 0, len(seen))
	for k := range seen {
		out = append(out, []string{role, k[0], k[1]})
	}
	// Sorted so the table's content is deterministic, which keeps diffs and tests readable.
	sort.Slice(out, func(i, j int) bool {
		if out[i][1] != out[j][1] {
			return out[i][1] < out[j][1]
		}
		return out[i][2] < out[j][2]
	})
	return out, nil
}
