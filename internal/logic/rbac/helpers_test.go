package rbac

import (
	"context"
	"slices"
	"sort"
	"testing"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/principal"
)

var allRoles = []string{consts.RoleSuperAdmin, consts.RoleAgentAdmin, consts.RoleAgent}

// as returns a context whose caller has role, as the auth middleware would set it.
func as(t *testing.T, role string) context.Context {
	return principal.With(t.Context(), &principal.Principal{UserID: 1, Username: "u-" + role, Role: role, Path: "/1/"})
}

func menuID(t *testing.T, name string) int64 {
	t.Helper()
	v, err := dao.Menus.Ctx(t.Context()).Where(dao.Menus.Columns().Name, name).Value(dao.Menus.Columns().Id)
	if err != nil || v.Int64() == 0 {
		t.Fatalf("menu %q: id %v, err %v", name, v, err)
	}
	return v.Int64()
}

func menuIDs(t *testing.T, names ...string) []int64 {
	t.Helper()
	ids := make([]int64, 0, len(names))
	for _, n := range names {
		ids = append(ids, menuID(t, n))
	}
	return ids
}

// grantsOf reads role_menus directly, the ground truth independent of the logic under test.
func grantsOf(t *testing.T, role string) []int64 {
	t.Helper()
	arr, err := dao.RoleMenus.Ctx(t.Context()).Where(dao.RoleMenus.Columns().Role, role).Array(dao.RoleMenus.Columns().MenuId)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, 0, len(arr))
	for _, v := range arr {
		ids = append(ids, v.Int64())
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

// keepGrants restores every role's grants (and so its policies) when the test ends, so tests
// that change grants leave the next one the seeded state.
func keepGrants(t *testing.T) {
	t.Helper()
	before := map[string][]int64{}
	for _, r := range allRoles {
		before[r] = grantsOf(t, r)
	}
	t.Cleanup(func() {
		err := node.write(context.Background(), func(ctx context.Context) error {
			for _, r := range allRoles {
				if err := replaceGrants(ctx, r, before[r]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Errorf("restoring grants: %v", err)
		}
	})
}

func without(ids []int64, drop ...int64) []int64 {
	return slices.DeleteFunc(slices.Clone(ids), func(id int64) bool { return slices.Contains(drop, id) })
}

func count(t *testing.T, table string) int {
	t.Helper()
	n, err := dao.Menus.DB().Model(table).Ctx(t.Context()).Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func wantCode(t *testing.T, err error, code errs.Code) {
	t.Helper()
	if !errs.Is(err, code) {
		t.Fatalf("err = %v, want %s", err, code.Message())
	}
}

func mustEnforce(t *testing.T, s *sRbac, role, route, method string) bool {
	t.Helper()
	ok, err := s.Enforce(t.Context(), role, route, method)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}
