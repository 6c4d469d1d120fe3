package user

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"os"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/utility/password"
)

// EnsureAdmin creates the super-admin `admin` on first boot. The password comes from
// KAMI_ADMIN_PASSWORD or is generated and printed once; a generated one must be changed at first
// login. InsertIgnore on the unique username keeps two nodes booting together from racing.
func (s *sUser) EnsureAdmin(ctx context.Context) error {
	n, err := dao.Users.Ctx(ctx).Where(dao.Users.Columns().UsernameKey, "admin").Count()
	if err != nil || n > 0 {
		return err
	}
	plain, generated := s.cfg().AdminPassword, false
	if plain == "" {
		b := make([]byte, 12)
		_, _ = rand.Read(b)
		plain, generated = base64.RawURLEncoding.EncodeToString(b)+"9a", true
	}
	hash, err := password.Hash(plain)
	if err != nil {
		return err
	}
	return dao.Users.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		res, err := dao.Users.Ctx(ctx).Data(do.Users{
			Username: "admin", UsernameKey: "admin", PasswordHash: hash, Role: consts.RoleSuperAdmin, ParentId: 0,
			RealName: "Administrator", Status: consts.StatusEnabled, MustChangePassword: boolInt(generated),
			CreatedAt: gtime.Now(), UpdatedAt: gtime.Now(),
		}).InsertIgnore()
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		if n, _ := res.RowsAffected(); n == 0 || id == 0 {
			return nil // another node created it first
		}
		if _, err = dao.Users.Ctx(ctx).WherePri(id).Data(do.Users{Path: fmt.Sprintf("/%d/", id)}).Update(); err != nil {
			return err
		}
		if generated {
			// Printed once, to stdout only: the operator needs it and it is never stored in clear.
			fmt.Fprintf(os.Stdout, "\n  Kami first boot: super-admin 'admin' created with password: %s\n  (change it at first login)\n\n", plain)
		} else {
			g.Log().Info(ctx, "first boot: super-admin 'admin' created with KAMI_ADMIN_PASSWORD")
		}
		return nil
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
