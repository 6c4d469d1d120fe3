package proxy

import (
	"context"
	"crypto/rand"
	"math/big"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/proxy/v1"
	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/keyring"
	"kami/internal/listq"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/scope"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// passwordPurpose seals proxy users' passwords: the detail shows them, so they are read back.
const passwordPurpose = "proxy.user.password"

var userSorts = listq.NewSorts("id", map[string]listq.Field{
	"id": listq.Ordinal(dao.ProxyUser.Columns().Id),
})

const pwAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"

func newPassword() string {
	b := make([]byte, 16)
	for i := range b {
		n, _ := rand.Int(rand.Reader, big.NewInt(int64(len(pwAlphabet))))
		b[i] = pwAlphabet[n.Int64()]
	}
	return string(b)
}

func userView(u entity.ProxyUser, withPassword bool) (v1.UserView, error) {
	v := v1.UserView{Id: u.Id, AgentId: u.AgentId, Username: u.Username, AppUsername: u.AppUsername, Status: u.Status,
		Remark: u.Remark, FlowLimit: u.FlowLimit, CreatedAt: timefmt.Format(u.CreatedAt)}
	if withPassword {
		pw, err := keyring.Open(passwordPurpose, u.Password)
		if err != nil {
			return v, err
		}
		s := string(pw)
		v.Password = &s
	}
	return v, nil
}

// scopedUser loads a proxy user inside the caller's scope (404 outside it).
func scopedUser(ctx context.Context, id int64) (*entity.ProxyUser, error) {
	var u *entity.ProxyUser
	cols := dao.ProxyUser.Columns()
	err := scope.Apply(ctx, dao.ProxyUser.Ctx(ctx).Where(cols.Id, id), cols.AgentId).Scan(&u)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if u == nil {
		return nil, errs.NotFound.New()
	}
	return u, nil
}

// ownedUser is a proxy user the caller may buy for: its own (the payer is the owner).
func ownedUser(ctx context.Context, id int64) (*entity.ProxyUser, error) {
	u, err := scopedUser(ctx, id)
	if err != nil {
		return nil, err
	}
	if u.AgentId != principal.From(ctx).UserID {
		return nil, errs.NotFound.New()
	}
	return u, nil
}

// Users is GET /api/proxy/users/list.
func (s *sProxy) Users(ctx context.Context, req *v1.UserListReq) (*v1.UserListRes, error) {
	cols := dao.ProxyUser.Columns()
	m := scope.Apply(ctx, dao.ProxyUser.Ctx(ctx), cols.AgentId)
	if req.Keyword != "" {
		m = m.WhereLike(cols.Username, "%"+req.Keyword+"%")
	}
	if req.Status != 0 {
		m = m.Where(cols.Status, req.Status)
	}
	rows, total, err := listq.Page[entity.ProxyUser](m, req.PageReq, userSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.UserListRes{Items: make([]v1.UserView, 0, len(rows)), Total: total}
	for _, r := range rows {
		v, _ := userView(r, false)
		res.Items = append(res.Items, v)
	}
	return res, nil
}

// GetUser is GET /api/proxy/users/{id} (with the password).
func (s *sProxy) GetUser(ctx context.Context, req *v1.UserGetReq) (*v1.UserGetRes, error) {
	u, err := scopedUser(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	v, err := userView(*u, true)
	return &v, err
}

// CreateUser is POST /api/proxy/users: upstream first (main account, then proxy/user/v2), the
// local row after, so a local row always has its upstream user.
func (s *sProxy) CreateUser(ctx context.Context, req *v1.UserCreateReq) (*v1.UserCreateRes, error) {
	caller := principal.From(ctx)
	cols := dao.ProxyUser.Columns()
	if n, err := dao.ProxyUser.Ctx(ctx).Where(cols.Username, req.Username).Count(); err != nil {
		return nil, err
	} else if n > 0 {
		return nil, errs.ProxyNameTaken.New()
	}
	up, err := s.upstream()
	if err != nil {
		return nil, err
	}
	main, err := s.mainAccount(ctx, up, caller.UserID)
	if err != nil {
		return nil, err
	}
	pw := req.Password
	if pw == "" {
		pw = newPassword()
	}
	limit := int64(-1)
	if req.FlowLimit != nil {
		limit = *req.FlowLimit
	}
	appName := service.Settings().String(keyAccountPrefix) + "_" + req.Username
	acc, err := up.SaveProxyUser(ctx, ipipv.ProxyUser{AppUsername: appName, Password: pw, AppMainUsername: main,
		Remark: req.Remark, Status: 1})
	if err != nil {
		return nil, upstreamErr(err)
	}
	sealed, err := keyring.Seal(passwordPurpose, []byte(pw))
	if err != nil {
		return nil, err
	}
	now := gtime.New(s.now())
	id, err := dao.ProxyUser.Ctx(ctx).Data(do.ProxyUser{AgentId: caller.UserID, Username: req.Username,
		AppUsername: appName, UpstreamUsername: acc.Username, Password: sealed, Remark: req.Remark, Status: 1,
		FlowLimit: limit, CreatedAt: now, UpdatedAt: now}).InsertAndGetId()
	if dbx.IsUniqueViolation(err) {
		return nil, errs.ProxyNameTaken.New()
	} else if err != nil {
		return nil, err
	}
	return s.GetUser(ctx, &v1.UserGetReq{Id: id})
}

// UpdateUser is PUT /api/proxy/users/{id}: the changed state is sent upstream first, then
// stored with a version guard (a concurrent edit → 409 CONFLICT).
func (s *sProxy) UpdateUser(ctx context.Context, req *v1.UserUpdateReq) (*v1.UserUpdateRes, error) {
	u, err := scopedUser(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	d := do.ProxyUser{Version: gdb.Raw("version+1"), UpdatedAt: gtime.New(s.now())}
	if req.Password != nil || req.Remark != nil || req.Status != nil {
		cur, err := userView(*u, true)
		if err != nil {
			return nil, err
		}
		pu := ipipv.ProxyUser{AppUsername: u.AppUsername, Password: *cur.Password, Remark: u.Remark, Status: u.Status}
		if req.Password != nil {
			pu.Password = *req.Password
			if d.Password, err = keyring.Seal(passwordPurpose, []byte(pu.Password)); err != nil {
				return nil, err
			}
		}
		if req.Remark != nil {
			pu.Remark, d.Remark = *req.Remark, *req.Remark
		}
		if req.Status != nil {
			pu.Status, d.Status = *req.Status, *req.Status
		}
		up, err := s.upstream()
		if err != nil {
			return nil, err
		}
		if pu.AppMainUsername, err = s.mainAccount(ctx, up, u.AgentId); err != nil {
			return nil, err
		}
		if _, err := up.SaveProxyUser(ctx, pu); err != nil {
			return nil, upstreamErr(err)
		}
	}
	if req.FlowLimit != nil {
		d.FlowLimit = *req.FlowLimit
	}
	cols := dao.ProxyUser.Columns()
	r, err := dao.ProxyUser.Ctx(ctx).Where(cols.Id, u.Id).Where(cols.Version, u.Version).Data(d).Update()
	if err != nil {
		return nil, err
	}
	if n, _ := r.RowsAffected(); n != 1 {
		return nil, errs.Conflict.New()
	}
	return s.GetUser(ctx, &v1.UserGetReq{Id: u.Id})
}
