package camel

import (
	"context"
	"encoding/json"
	"net/netip"
	"strings"
	"time"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/camel/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/keyring"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
	"kami/utility/randkey"
)

// Seal purposes of the merchants' secrets: one does not open as the other.
const (
	purposeMerchantSecret  = "camel_oil.merchant.appSecret"
	purposeMerchantWebhook = "camel_oil.merchant.webhookSecret"
	// secretGrace is how long the previous appSecret verifies after a rotation (§6: 24 h).
	secretGrace = 24 * time.Hour
)

var merchantSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.CamelOilMerchant.Columns().Id),
	"name":      listq.Text(dao.CamelOilMerchant.Columns().Name),
	"createdAt": listq.Ordinal(dao.CamelOilMerchant.Columns().CreatedAt),
})

func (s *sCamel) ListMerchants(ctx context.Context, req *v1.MerchantListReq) (*v1.MerchantListRes, error) {
	cols := dao.CamelOilMerchant.Columns()
	m := dao.CamelOilMerchant.Ctx(ctx).Safe().FieldsEx(cols.AppSecret, cols.PrevAppSecret, cols.WebhookSecret)
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	if k := strings.TrimSpace(req.Keyword); k != "" {
		m = m.Where(m.Builder().WhereLike(cols.Name, "%"+escapeLike(k)+"%").WhereOr(cols.AppKey, k))
	}
	rows, total, err := listq.Page[entity.CamelOilMerchant](m, req.PageReq, merchantSorts)
	if err != nil {
		return nil, err
	}
	items := make([]v1.MerchantItem, 0, len(rows))
	for i := range rows {
		items = append(items, s.merchantItem(&rows[i]))
	}
	return &v1.MerchantListRes{Items: items, Total: total}, nil
}

// CreateMerchant issues the merchant's appKey, appSecret and webhookSecret; the secrets are
// stored sealed (HMAC needs them back in the clear) and answered only here.
func (s *sCamel) CreateMerchant(ctx context.Context, req *v1.MerchantCreateReq) (*v1.MerchantCreateRes, error) {
	allow, err := allowList(req.IpAllowList)
	if err != nil {
		return nil, err
	}
	appKey, err := randkey.AppKey()
	if err != nil {
		return nil, err
	}
	secret, sealedSecret, err := newSealedSecret("as_", purposeMerchantSecret)
	if err != nil {
		return nil, err
	}
	webhook, sealedWebhook, err := newSealedSecret("whsec_", purposeMerchantWebhook)
	if err != nil {
		return nil, err
	}
	rate := 100
	if req.RateLimit != nil {
		rate = *req.RateLimit
	}
	cols := dao.CamelOilMerchant.Columns()
	now := s.now()
	var id int64
	err = dao.CamelOilMerchant.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		id, err = dao.CamelOilMerchant.Ctx(ctx).TX(tx).Data(gdb.Map{cols.Name: req.Name, cols.AppKey: appKey,
			cols.AppSecret: sealedSecret, cols.WebhookSecret: sealedWebhook, cols.NotifyUrl: req.NotifyUrl,
			cols.RateLimit: rate, cols.IpAllowList: allow, cols.Status: "active", cols.CreatedAt: now,
			cols.UpdatedAt: now}).InsertAndGetId()
		if err != nil {
			return err
		}
		return service.Middleware().AuditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	m, err := findMerchant(ctx, id)
	if err != nil {
		return nil, err
	}
	return &v1.MerchantCreateRes{MerchantItem: s.merchantItem(m), AppSecret: secret, WebhookSecret: webhook}, nil
}

func (s *sCamel) UpdateMerchant(ctx context.Context, req *v1.MerchantUpdateReq) (*v1.MerchantUpdateRes, error) {
	cols := dao.CamelOilMerchant.Columns()
	data := gdb.Map{}
	if req.Name != nil {
		data[cols.Name] = *req.Name
	}
	if req.NotifyUrl != nil {
		data[cols.NotifyUrl] = *req.NotifyUrl
	}
	if req.RateLimit != nil {
		data[cols.RateLimit] = *req.RateLimit
	}
	if req.IpAllowList != nil {
		allow, err := allowList(*req.IpAllowList)
		if err != nil {
			return nil, err
		}
		data[cols.IpAllowList] = allow
	}
	m, err := s.updateMerchant(ctx, req.Id, data)
	if err != nil {
		return nil, err
	}
	return &v1.MerchantUpdateRes{MerchantItem: s.merchantItem(m)}, nil
}

func (s *sCamel) SetMerchantStatus(ctx context.Context, req *v1.MerchantStatusReq) (*v1.MerchantStatusRes, error) {
	m, err := s.updateMerchant(ctx, req.Id, gdb.Map{dao.CamelOilMerchant.Columns().Status: req.Status})
	if err != nil {
		return nil, err
	}
	return &v1.MerchantStatusRes{MerchantItem: s.merchantItem(m)}, nil
}

// RotateMerchantSecret issues a new appSecret; the current one becomes the previous secret,
// verifying for secretGrace, and a previous one still in its grace is dropped, so at most two
// verify at any time.
func (s *sCamel) RotateMerchantSecret(ctx context.Context, req *v1.MerchantRotateReq) (*v1.MerchantRotateRes, error) {
	cur, err := findMerchant(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	secret, sealed, err := newSealedSecret("as_", purposeMerchantSecret)
	if err != nil {
		return nil, err
	}
	cols := dao.CamelOilMerchant.Columns()
	m, err := s.updateMerchant(ctx, req.Id, gdb.Map{cols.AppSecret: sealed, cols.PrevAppSecret: cur.AppSecret,
		cols.PrevSecretUntil: s.now().Add(secretGrace)}, cur.Version)
	if err != nil {
		return nil, err
	}
	return &v1.MerchantRotateRes{MerchantItem: s.merchantItem(m), AppSecret: secret}, nil
}

// updateMerchant writes data to one merchant with its audit row; a version, when given, guards
// the write (two racing rotations: one wins, the other 409s).
func (s *sCamel) updateMerchant(ctx context.Context, id int64, data gdb.Map, version ...int64) (*entity.CamelOilMerchant, error) {
	if _, err := findMerchant(ctx, id); err != nil {
		return nil, err
	}
	cols := dao.CamelOilMerchant.Columns()
	data[cols.UpdatedAt] = s.now()
	data[cols.Version] = gdb.Raw(cols.Version + "+1")
	err := dao.CamelOilMerchant.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		m := dao.CamelOilMerchant.Ctx(ctx).TX(tx).Where(cols.Id, id)
		if len(version) > 0 {
			m = m.Where(cols.Version, version[0])
		}
		r, err := m.Data(data).Update()
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n != 1 {
			return errs.Conflict.New()
		}
		return service.Middleware().AuditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	return findMerchant(ctx, id)
}

func newSealedSecret(prefix, purpose string) (plain, sealed string, err error) {
	if plain, err = randkey.Secret(prefix); err != nil {
		return "", "", err
	}
	sealed, err = keyring.Seal(purpose, []byte(plain))
	return plain, sealed, err
}

// allowList checks every entry is an IP or a CIDR and answers the JSON the column keeps.
func allowList(entries []string) (string, error) {
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		e = strings.TrimSpace(e)
		if _, err := netip.ParsePrefix(e); err != nil {
			if _, err = netip.ParseAddr(e); err != nil {
				return "", errs.InvalidInput.Msg("ipAllowList: " + e + " is not an IP or CIDR")
			}
		}
		out = append(out, e)
	}
	b, err := json.Marshal(out)
	return string(b), err
}

func findMerchant(ctx context.Context, id int64) (*entity.CamelOilMerchant, error) {
	var m *entity.CamelOilMerchant
	if err := dao.CamelOilMerchant.Ctx(ctx).WherePri(id).Scan(&m); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if m == nil {
		return nil, errs.NotFound.New()
	}
	return m, nil
}

// merchantItem is the admin view, never a secret. A previous secret past its grace is not shown.
func (s *sCamel) merchantItem(m *entity.CamelOilMerchant) v1.MerchantItem {
	it := v1.MerchantItem{Id: m.Id, Name: m.Name, AppKey: m.AppKey, NotifyUrl: m.NotifyUrl, RateLimit: m.RateLimit,
		IpAllowList: []string{}, Status: m.Status, CreatedAt: timefmt.Format(m.CreatedAt)}
	_ = json.Unmarshal([]byte(m.IpAllowList), &it.IpAllowList)
	if m.PrevSecretUntil != nil && m.PrevSecretUntil.After(s.now()) {
		it.PrevSecretUntil = timefmt.Ptr(m.PrevSecretUntil)
	}
	return it
}
