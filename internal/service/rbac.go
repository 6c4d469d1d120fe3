// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	menuv1 "kami/api/menu/v1"
	systemv1 "kami/api/system/v1"
	"kami/internal/config"
)

type (
	IRbac interface {
		// Enforce reports whether role may call the route pattern (as registered with gf, including
		// the /api prefix) with method. Anything without a policy is refused; the super-admin is
		// allowed everything so a broken policy table can never lock the operator out.
		Enforce(ctx context.Context, role string, route string, method string) (bool, error)
		// Reload builds a fresh enforcer from casbin_rule and swaps it in.
		Reload(ctx context.Context) error
		// Start loads the policies and polls the version row so changes made on other nodes arrive
		// within the reload interval. It is idempotent.
		Start(ctx context.Context) error
		// Stop ends the polling; the last loaded policies keep serving.
		Stop()
		// Codes returns the permission codes of the active buttons role holds (Vben's access codes).
		Codes(ctx context.Context, role string) ([]string, error)
		// MenuTree returns the Vben route tree of the catalogs and menus role holds, titles localized
		// for the language in ctx. An ancestor of a held row is shown even when not held itself, so
		// a grant made without its catalog still has somewhere to appear.
		MenuTree(ctx context.Context, role string) ([]*menuv1.MenuItem, error)
		// CallerMenuTree is MenuTree for the logged-in caller (GET /menu/all).
		CallerMenuTree(ctx context.Context) ([]*menuv1.MenuItem, error)
		// HasMenus reports whether role holds every one of menuIDs (granted, whatever their status).
		// The super-admin holds all.
		HasMenus(ctx context.Context, role string, menuIDs []int64) (bool, error)
		// MenuList returns the active menus the caller holds, flat, for the role-assignment tree: a
		// caller can only hand out what it holds, so it is shown nothing else.
		MenuList(ctx context.Context) ([]*systemv1.MenuListItem, error)
		// Configure hands the service the configuration it reads; boot calls it before Start.
		Configure(cfg func() *config.Config)
		// RoleList lists the roles at the caller's level and below, highest first.
		RoleList(ctx context.Context) ([]*systemv1.RoleItem, error)
		// RoleMenus returns the ids of the active menus role code holds, limited to those the caller
		// holds: the caller's tree (MenuList) has no node for anything else.
		RoleMenus(ctx context.Context, code string) ([]int64, error)
		// SetRoleMenus makes menuIDs the menus role code holds, as far as the caller can see. Grants
		// outside what MenuList shows the caller (menus it lacks, retired rows) are left as they are:
		// the caller was never shown them, so it cannot have meant to revoke them. The caller may
		// edit only roles below its own level and grant only menus it holds itself
		// (GRANT_EXCEEDS_OWN otherwise). Grants, the role's policies and the version change in one
		// transaction; nothing changes on refusal.
		SetRoleMenus(ctx context.Context, code string, menuIDs []int64) error
		// Sync makes the roles and menus tables match the code, grants new menus to their default
		// roles and rebuilds every role's policies. It runs at every boot after the migrations, on
		// every node, so it must be idempotent and safe to run on two nodes at once.
		Sync(ctx context.Context) error
	}
)

var (
	localRbac IRbac
)

func Rbac() IRbac {
	if localRbac == nil {
		panic("implement not found for interface IRbac, forgot register?")
	}
	return localRbac
}

func RegisterRbac(i IRbac) {
	localRbac = i
}
