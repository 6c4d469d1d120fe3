package user

import (
	"context"
	"crypto/rand"
	"math/big"
	"strconv"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	sysv1 "kami/api/system/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/utility/password"
)

// newUser is one account to insert under parent (whose path the new path extends).
type newUser struct {
	Username, PasswordPlain, Role, Email, RealName, Remark string
	Phone                                                  string // '' = no SMS
	Status                                                 int
	MustChangePassword                                     bool
	ParentID                                               int64
	ParentPath                                             string
}

// mayCreate says whether a caller of callerRole may create a user of role. Each role creates
// its ChildRole; the super-admin may also create agents directly under itself, for agents the
// platform runs without an agent-admin in between (its scope covers them either way).
func mayCreate(callerRole, role string) bool {
	if role == "" {
		return false
	}
	if role == consts.ChildRole(callerRole) {
		return true
	}
	return callerRole == consts.RoleSuperAdmin && role == consts.RoleAgent
}

// Create makes a user under the caller with an admin-set password, which the new user must
// change at first login.
func (s *sUser) Create(ctx context.Context, req *sysv1.UserCreateReq) (*sysv1.UserCreateRes, error) {
	p := principal.From(ctx)
	if !mayCreate(p.Role, req.Role) {
		return nil, errs.Forbidden.New()
	}
	var id int64
	err := withInitialQuota(ctx, req.InitialQuota, func(ctx context.Context, after func(ctx context.Context, id int64) error) (err error) {
		id, err = insertUser(ctx, newUser{
			Username: req.Username, PasswordPlain: req.Password, Role: req.Role,
			Email: normEmail(req.Email), RealName: strings.TrimSpace(req.RealName), Remark: req.Remark,
			Phone: strings.TrimSpace(req.Phone), Status: consts.StatusEnabled, MustChangePassword: true, ParentID: p.UserID, ParentPath: p.Path,
		}, after)
		return err
	})
	if err != nil {
		return nil, err
	}
	u, err := mustGet(ctx, id)
	if err != nil {
		return nil, err
	}
	s.mailAccountInfo(ctx, u)
	return &sysv1.UserCreateRes{UserItem: toItem(u)}, nil
}

// insertUser validates and stores n (its Username as typed) in one transaction, giving agent-admins an invite code;
// then, still inside it, runs after(ctx, id) (registration stores its mail token there) so a
// failure leaves no half-made account.
func insertUser(ctx context.Context, n newUser, after func(ctx context.Context, id int64) error) (int64, error) {
	name, err := storedUsername(n.Username, n.Role)
	if err != nil {
		return 0, err
	}
	n.Username = name
	if err := checkStrength(n.PasswordPlain); err != nil {
		return 0, err
	}
	if err := checkUnique(ctx, n.Username, n.Email, 0); err != nil {
		return 0, err
	}
	hash, err := password.Hash(n.PasswordPlain)
	if err != nil {
		return 0, err
	}
	var id int64
	// A fresh invite code can collide with an existing one (about 1 in 10^15); retry then.
	for attempt := 0; attempt < 3; attempt++ {
		invite := ""
		if n.Role == consts.RoleAgentAdmin {
			if invite, err = newInviteCode(); err != nil {
				return 0, err
			}
		}
		err = dao.Users.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			now := gtime.Now()
			res, err := dao.Users.Ctx(ctx).Data(do.Users{
				Username: n.Username, UsernameKey: n.Username, PasswordHash: hash, Role: n.Role, ParentId: n.ParentID,
				RealName: n.RealName, Email: nullable(n.Email), Phone: n.Phone, Remark: n.Remark, Status: n.Status,
				MustChangePassword: boolInt(n.MustChangePassword), InviteCode: nullable(invite),
				CreatedAt: now, UpdatedAt: now,
			}).Insert()
			if err != nil {
				return err
			}
			if id, err = res.LastInsertId(); err != nil {
				return err
			}
			// The materialized path needs the id, so it is set right after the insert; scope
			// checks match on it as a prefix.
			path := n.ParentPath + strconv.FormatInt(id, 10) + "/"
			if _, err = dao.Users.Ctx(ctx).WherePri(id).Data(do.Users{Path: path}).Update(); err != nil {
				return err
			}
			// A new account (created or self-registered) never exists without its audit row.
			if err = service.Middleware().AuditInTx(ctx, tx); err != nil {
				return err
			}
			if after != nil {
				return after(ctx, id)
			}
			return nil
		})
		if uniqueViolation(err) != "invite_code" {
			break
		}
	}
	if err != nil {
		return 0, duplicateErr(err, n.Username, n.Email)
	}
	return id, nil
}

// inviteAlphabet leaves out 0/O and 1/I/L so a code read aloud or retyped survives.
const inviteAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

func newInviteCode() (string, error) {
	b := make([]byte, 10)
	max := big.NewInt(int64(len(inviteAlphabet)))
	for i := range b {
		n, err := rand.Int(rand.Reader, max)
		if err != nil {
			return "", err // the system's randomness failed: no code is better than a guessable one
		}
		b[i] = inviteAlphabet[n.Int64()]
	}
	return string(b), nil
}
