package testkit

import (
	"context"
	"fmt"
	"testing"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/principal"
	"kami/utility/password"
)

// SeededUser is an account written straight to the database, for tests that need a user tree
// without going through the user API.
type SeededUser struct {
	ID       int64
	Username string
	Password string
	Role     string
	Path     string
}

// Principal is the caller this user would be after logging in, for calling services directly.
func (u SeededUser) Principal() *principal.Principal {
	return &principal.Principal{UserID: u.ID, Username: u.Username, Role: u.Role, Path: u.Path}
}

// Ctx returns ctx carrying this user as the caller.
func (u SeededUser) Ctx(ctx context.Context) context.Context {
	return principal.With(ctx, u.Principal())
}

// SuperAdmin is the first-boot admin as a SeededUser.
func SuperAdmin(t testing.TB) SeededUser {
	t.Helper()
	var u struct {
		Id   int64
		Path string
	}
	if err := dao.Users.Ctx(context.Background()).Where("username", "admin").Scan(&u); err != nil {
		t.Fatal(err)
	}
	return SeededUser{ID: u.Id, Username: "admin", Password: AdminPassword, Role: consts.RoleSuperAdmin, Path: u.Path}
}

// SeedUser creates an enabled user with the given role under parent (its path extends the
// parent's), with a password that needs no change at first login.
func SeedUser(t testing.TB, role string, parent SeededUser) SeededUser {
	t.Helper()
	ctx := context.Background()
	u := SeededUser{Username: UniqueName("s"), Password: "Seed-Pass-2026", Role: role}
	hash, err := password.Hash(u.Password)
	if err != nil {
		t.Fatal(err)
	}
	// UniqueName is lower-case ASCII, already the canonical form the key holds.
	u.ID, err = dao.Users.Ctx(ctx).Data(do.Users{
		Username: u.Username, UsernameKey: u.Username, PasswordHash: hash, Role: role, ParentId: parent.ID,
		Status: consts.StatusEnabled, CreatedAt: gtime.Now(), UpdatedAt: gtime.Now(),
	}).InsertAndGetId()
	if err != nil {
		t.Fatal(err)
	}
	u.Path = fmt.Sprintf("%s%d/", parent.Path, u.ID)
	if _, err = dao.Users.Ctx(ctx).WherePri(u.ID).Data(do.Users{Path: u.Path}).Update(); err != nil {
		t.Fatal(err)
	}
	return u
}

// Login returns a client of this server logged in as u.
func (e *Env) Login(t testing.TB, u SeededUser) *Client {
	return e.Client().Login(t, u.Username, u.Password)
}
