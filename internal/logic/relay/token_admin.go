package relay

import (
	"context"
	"encoding/json"
	"net"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/relay/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/redisx"
	"kami/internal/listq"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/scope"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

var tokenSorts = listq.NewSorts("id", map[string]listq.Field{
	"id": listq.Ordinal("id"), "name": listq.Text("name"), "createdAt": listq.Ordinal("created_at"),
	"lastUsedAt": listq.Ordinal("last_used_at"), "usedQuota": listq.Ordinal("used_quota"),
})

// TokenList answers the tokens of the caller's scope (§5): all, the subtree's, or the own.
func (s *sRelay) TokenList(ctx context.Context, req *v1.TokenListReq) (*v1.TokenListRes, error) {
	cols := dao.RelayTokens.Columns()
	m := scope.Apply(ctx, dao.RelayTokens.Ctx(ctx), cols.UserId)
	if req.UserId > 0 {
		m = m.Where(cols.UserId, req.UserId)
	}
	if req.Name != "" {
		m = listq.Contains(m, cols.Name, req.Name)
	}
	if req.Status != nil {
		m = m.Where(cols.Status, *req.Status)
	}
	rows, total, err := listq.Page[entity.RelayTokens](m, req.PageReq, tokenSorts)
	if err != nil {
		return nil, err
	}
	names, err := usernames(ctx, rows)
	if err != nil {
		return nil, err
	}
	res := &v1.TokenListRes{Items: make([]v1.TokenItem, 0, len(rows)), Total: total}
	for i := range rows {
		res.Items = append(res.Items, tokenItem(&rows[i], names[rows[i].UserId]))
	}
	return res, nil
}

// TokenCreate makes a token for the caller or a user in its scope; the key is returned once.
// The per-user cap is counted under the user's lock so two racing creates cannot both pass it.
func (s *sRelay) TokenCreate(ctx context.Context, req *v1.TokenCreateReq) (*v1.TokenCreateRes, error) {
	userID := req.UserId
	if userID == 0 {
		userID = principal.From(ctx).UserID
	}
	owner, err := scopedUser(ctx, userID)
	if err != nil {
		return nil, err
	}
	data, err := s.tokenData(&req.TokenFields)
	if err != nil {
		return nil, err
	}
	key, hash, hint, err := NewTokenKey()
	if err != nil {
		return nil, err
	}
	var id int64
	err = s.locker().Do(ctx, redisx.Key("lock", "relay", "tokens", strconv.FormatInt(userID, 10)), 10*time.Second,
		func(ctx context.Context) error {
			n, err := dao.RelayTokens.Ctx(ctx).Where(dao.RelayTokens.Columns().UserId, userID).Count()
			if err != nil {
				return err
			}
			if max := maxTokensPerUser(); int64(n) >= max {
				return errs.TokenLimitReached.New(max)
			}
			data.UserId, data.KeyHash, data.KeyHint, data.Status = userID, hash, hint, 1
			data.UsedQuota, data.CreatedAt = 0, data.UpdatedAt
			id, err = dao.RelayTokens.Ctx(ctx).Data(data).InsertAndGetId()
			return err
		})
	if err != nil {
		return nil, err
	}
	row, err := tokenRow(ctx, id)
	if err != nil {
		return nil, err
	}
	return &v1.TokenCreateRes{TokenItem: tokenItem(row, owner.Username), Key: key}, nil
}

// TokenGet answers one token in scope; outside it, 404 as for one that does not exist.
func (s *sRelay) TokenGet(ctx context.Context, req *v1.TokenGetReq) (*v1.TokenGetRes, error) {
	row, err := scopedToken(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return s.tokenAnswer(ctx, row)
}

// TokenUpdate replaces the editable fields; the change reaches /v1 through the invalidation.
func (s *sRelay) TokenUpdate(ctx context.Context, req *v1.TokenUpdateReq) (*v1.TokenUpdateRes, error) {
	row, err := scopedToken(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	data, err := s.tokenData(&req.TokenFields)
	if err != nil {
		return nil, err
	}
	cols := dao.RelayTokens.Columns()
	// A map, not the do struct: the struct omits a nil expiresAt, and nil here means "never".
	upd := g.Map{cols.Name: data.Name, cols.ExpiresAt: nil, cols.QuotaLimit: data.QuotaLimit,
		cols.RpmLimit: data.RpmLimit, cols.AllowedModels: data.AllowedModels, cols.AllowedIps: data.AllowedIps,
		cols.UpdatedAt: data.UpdatedAt}
	if data.ExpiresAt != nil {
		upd[cols.ExpiresAt] = data.ExpiresAt
	}
	if _, err = dao.RelayTokens.Ctx(ctx).Data(upd).WherePri(row.Id).Update(); err != nil {
		return nil, err
	}
	return s.afterTokenWrite(ctx, row)
}

// TokenStatus switches a token on or off.
func (s *sRelay) TokenStatus(ctx context.Context, req *v1.TokenStatusReq) (*v1.TokenStatusRes, error) {
	row, err := scopedToken(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if _, err = dao.RelayTokens.Ctx(ctx).Data(do.RelayTokens{Status: *req.Status,
		UpdatedAt: gtime.NewFromTime(s.now())}).WherePri(row.Id).Update(); err != nil {
		return nil, err
	}
	return s.afterTokenWrite(ctx, row)
}

// TokenRotate gives the token a new key; the old hash is gone from the row, so the old key is
// unknown to every node once the caches drop it.
func (s *sRelay) TokenRotate(ctx context.Context, req *v1.TokenRotateReq) (*v1.TokenRotateRes, error) {
	row, err := scopedToken(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	key, hash, hint, err := NewTokenKey()
	if err != nil {
		return nil, err
	}
	if _, err = dao.RelayTokens.Ctx(ctx).Data(do.RelayTokens{KeyHash: hash, KeyHint: hint,
		UpdatedAt: gtime.NewFromTime(s.now())}).WherePri(row.Id).Update(); err != nil {
		return nil, err
	}
	s.invalidate(ctx, "token", row.Id, row.KeyHash)
	return &v1.TokenRotateRes{Key: key}, nil
}

// TokenDelete soft-deletes the token (its logs keep pointing at it).
func (s *sRelay) TokenDelete(ctx context.Context, req *v1.TokenDeleteReq) (*v1.TokenDeleteRes, error) {
	row, err := scopedToken(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if _, err = dao.RelayTokens.Ctx(ctx).WherePri(row.Id).Delete(); err != nil {
		return nil, err
	}
	s.invalidate(ctx, "token", row.Id, row.KeyHash)
	return &v1.TokenDeleteRes{}, nil
}

func (s *sRelay) afterTokenWrite(ctx context.Context, row *entity.RelayTokens) (*v1.TokenItem, error) {
	s.invalidate(ctx, "token", row.Id, row.KeyHash)
	fresh, err := tokenRow(ctx, row.Id)
	if err != nil {
		return nil, err
	}
	return s.tokenAnswer(ctx, fresh)
}

func (s *sRelay) tokenAnswer(ctx context.Context, row *entity.RelayTokens) (*v1.TokenItem, error) {
	names, err := usernames(ctx, []entity.RelayTokens{*row})
	if err != nil {
		return nil, err
	}
	it := tokenItem(row, names[row.UserId])
	return &it, nil
}

// tokenData validates the editable fields into a row.
func (s *sRelay) tokenData(f *v1.TokenFields) (do.RelayTokens, error) {
	d := do.RelayTokens{Name: f.Name, QuotaLimit: f.QuotaLimit, RpmLimit: f.RpmLimit,
		UpdatedAt: gtime.NewFromTime(s.now())}
	if f.ExpiresAt != nil && *f.ExpiresAt != "" {
		t, err := timefmt.Parse(*f.ExpiresAt)
		if err != nil {
			return d, errs.TimeInvalid.New("expiresAt")
		}
		d.ExpiresAt = t
	}
	for _, ip := range f.AllowedIps {
		if net.ParseIP(ip) == nil {
			if _, _, err := net.ParseCIDR(ip); err != nil {
				return d, errs.InvalidInput.Msg("allowedIps: " + ip + " is neither an IP nor a CIDR")
			}
		}
	}
	d.AllowedModels, d.AllowedIps = jsonList(f.AllowedModels), jsonList(f.AllowedIps)
	return d, nil
}

func jsonList(v []string) string {
	if v == nil {
		v = []string{}
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func tokenRow(ctx context.Context, id int64) (*entity.RelayTokens, error) {
	var row *entity.RelayTokens
	if err := dao.RelayTokens.Ctx(ctx).WherePri(id).Scan(&row); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if row == nil {
		return nil, errs.NotFound.New()
	}
	return row, nil
}

// scopedToken loads a live token the caller may see; anything else is 404.
func scopedToken(ctx context.Context, id int64) (*entity.RelayTokens, error) {
	var row *entity.RelayTokens
	err := scope.Apply(ctx, dao.RelayTokens.Ctx(ctx), dao.RelayTokens.Columns().UserId).WherePri(id).Scan(&row)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if row == nil {
		return nil, errs.NotFound.New()
	}
	return row, nil
}

// scopedUser loads a user the caller may act for (itself, or inside its scope), else 404.
func scopedUser(ctx context.Context, id int64) (*entity.Users, error) {
	var u *entity.Users
	if err := dao.Users.Ctx(ctx).WherePri(id).Scan(&u); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if u == nil {
		return nil, errs.NotFound.New()
	}
	if err := scope.CheckUser(ctx, u.Id, u.Path); err != nil {
		return nil, err
	}
	return u, nil
}

func usernames(ctx context.Context, rows []entity.RelayTokens) (map[int64]string, error) {
	ids := make([]int64, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.UserId)
	}
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	var users []entity.Users
	if err := dao.Users.Ctx(ctx).Fields(dao.Users.Columns().Id, dao.Users.Columns().Username).
		WhereIn(dao.Users.Columns().Id, ids).Scan(&users); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, u := range users {
		out[u.Id] = u.Username
	}
	return out, nil
}

func tokenItem(r *entity.RelayTokens, username string) v1.TokenItem {
	it := v1.TokenItem{Id: r.Id, UserId: r.UserId, Username: username, Name: r.Name, KeyHint: r.KeyHint,
		Status: r.Status, ExpiresAt: timefmt.Ptr(r.ExpiresAt), QuotaLimit: r.QuotaLimit, UsedQuota: r.UsedQuota,
		RpmLimit: r.RpmLimit, LastUsedAt: timefmt.Ptr(r.LastUsedAt), CreatedAt: timefmt.Ptr(r.CreatedAt),
		AllowedModels: []string{}, AllowedIps: []string{}}
	_ = json.Unmarshal([]byte(r.AllowedModels), &it.AllowedModels)
	_ = json.Unmarshal([]byte(r.AllowedIps), &it.AllowedIps)
	return it
}
