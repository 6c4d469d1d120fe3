package camel

import (
	"context"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/camel/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/keyring"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// secretPurpose is the keyring subkey accounts' passwords and tokens are sealed under.
const secretPurpose = "camel_oil.account"

var accountSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":              listq.Ordinal(dao.CamelOilAccount.Columns().Id),
	"dailyOrderCount": listq.Ordinal(dao.CamelOilAccount.Columns().DailyOrderCount),
	"lastUsedAt":      listq.Ordinal(dao.CamelOilAccount.Columns().LastUsedAt),
	"createdAt":       listq.Ordinal(dao.CamelOilAccount.Columns().CreatedAt),
})

// ListAccounts pages through the pool; never a password or a token.
func (s *sCamel) ListAccounts(ctx context.Context, req *v1.AccountListReq) (*v1.AccountListRes, error) {
	cols := dao.CamelOilAccount.Columns()
	m := dao.CamelOilAccount.Ctx(ctx).Safe().FieldsEx(cols.Password, cols.Token)
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	if k := strings.TrimSpace(req.Keyword); k != "" {
		m = m.Where(m.Builder().WhereLike(cols.Phone, "%"+escapeLike(k)+"%").WhereOrLike(cols.Remark, "%"+escapeLike(k)+"%"))
	}
	rows, total, err := listq.Page[entity.CamelOilAccount](m, req.PageReq, accountSorts)
	if err != nil {
		return nil, err
	}
	items := make([]v1.AccountItem, 0, len(rows))
	for i := range rows {
		items = append(items, s.accountItem(&rows[i]))
	}
	return &v1.AccountListRes{Items: items, Total: total}, nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s)
}

func (s *sCamel) GetAccount(ctx context.Context, req *v1.AccountGetReq) (*v1.AccountGetRes, error) {
	a, err := findAccount(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &v1.AccountGetRes{AccountItem: s.accountItem(a)}, nil
}

// CreateAccount adds a phone to the pool in pending_login; the password is sealed.
func (s *sCamel) CreateAccount(ctx context.Context, req *v1.AccountCreateReq) (*v1.AccountCreateRes, error) {
	limit := int(settingInt(SettingDefaultDailyLimit))
	if req.DailyLimit != nil {
		limit = *req.DailyLimit
	}
	var id int64
	err := dao.CamelOilAccount.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		var err error
		if id, err = s.insertAccount(ctx, tx, req.Phone, req.Password, limit, req.Remark); err != nil {
			return err
		}
		return service.Middleware().AuditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	a, err := findAccount(ctx, id)
	if err != nil {
		return nil, err
	}
	return &v1.AccountCreateRes{AccountItem: s.accountItem(a)}, nil
}

// insertAccount is one new account (the import and acquire paths share it); a phone already in
// the pool is CamelPhoneExists, found by the unique index so two racing adds cannot both land.
func (s *sCamel) insertAccount(ctx context.Context, tx gdb.TX, phone, password string, limit int, remark string) (int64, error) {
	cols := dao.CamelOilAccount.Columns()
	now := s.now()
	data := gdb.Map{cols.Phone: phone, cols.PhoneKey: phone, cols.Status: StatusPendingLogin, cols.DailyLimit: limit,
		cols.Remark: remark, cols.StatusChangedAt: now, cols.CreatedAt: now, cols.UpdatedAt: now}
	if password != "" {
		sealed, err := keyring.Seal(secretPurpose, []byte(password))
		if err != nil {
			return 0, err
		}
		data[cols.Password] = sealed
	}
	id, err := dao.CamelOilAccount.Ctx(ctx).TX(tx).Data(data).InsertAndGetId()
	if dbx.IsUniqueViolation(err) {
		return 0, errs.CamelPhoneExists.New()
	}
	return id, err
}

// UpdateAccount changes the limit, remark or password. A lower limit takes effect at the next
// dispatch: the guarded UPDATE compares against the column, so no account goes over it.
func (s *sCamel) UpdateAccount(ctx context.Context, req *v1.AccountUpdateReq) (*v1.AccountUpdateRes, error) {
	if _, err := findAccount(ctx, req.Id); err != nil {
		return nil, err
	}
	cols := dao.CamelOilAccount.Columns()
	data := gdb.Map{cols.UpdatedAt: s.now(), cols.Version: gdb.Raw(cols.Version + "+1")}
	if req.DailyLimit != nil {
		data[cols.DailyLimit] = *req.DailyLimit
	}
	if req.Remark != nil {
		data[cols.Remark] = *req.Remark
	}
	if req.Password != nil {
		data[cols.Password] = nil
		if *req.Password != "" {
			sealed, err := keyring.Seal(secretPurpose, []byte(*req.Password))
			if err != nil {
				return nil, err
			}
			data[cols.Password] = sealed
		}
	}
	err := dao.CamelOilAccount.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if _, err := dao.CamelOilAccount.Ctx(ctx).TX(tx).Where(cols.Id, req.Id).Data(data).Update(); err != nil {
			return err
		}
		return service.Middleware().AuditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	a, err := findAccount(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &v1.AccountUpdateRes{AccountItem: s.accountItem(a)}, nil
}

// SetAccountStatus is the admin's disable (from any status) or enable (disabled or invalid →
// pending_login); 409 INVALID_STATE for anything else or when a racing change won.
func (s *sCamel) SetAccountStatus(ctx context.Context, req *v1.AccountStatusReq) (*v1.AccountStatusRes, error) {
	a, err := findAccount(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if req.Status == StatusPendingLogin && a.Status != StatusDisabled && a.Status != StatusInvalid {
		return nil, errs.InvalidState.New()
	}
	var operator int64
	if p := principal.From(ctx); p != nil {
		operator = p.UserID
	}
	cols := dao.CamelOilAccount.Columns()
	var extra gdb.Map
	if req.Status == StatusPendingLogin {
		extra = gdb.Map{cols.FailCount: 0, cols.FailureReason: ""} // a fresh start for the login job
	}
	err = dao.CamelOilAccount.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		ok, err := s.move(ctx, tx, a.Id, a.Status, req.Status, "admin", operator, extra)
		if err != nil {
			return err
		}
		if !ok {
			return errs.InvalidState.New()
		}
		return service.Middleware().AuditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	if a, err = findAccount(ctx, req.Id); err != nil {
		return nil, err
	}
	return &v1.AccountStatusRes{AccountItem: s.accountItem(a)}, nil
}

// DeleteAccount soft-deletes an account with no pending_pay order; phone_key is cleared so the
// phone can be added again. The order check and the delete share a transaction; a dispatch that
// picks the account meanwhile is refused by its status guard once deleted_at is set.
func (s *sCamel) DeleteAccount(ctx context.Context, req *v1.AccountDeleteReq) (*v1.AccountDeleteRes, error) {
	if _, err := findAccount(ctx, req.Id); err != nil {
		return nil, err
	}
	cols := dao.CamelOilAccount.Columns()
	ocols := dao.CamelOilOrder.Columns()
	err := dao.CamelOilAccount.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		n, err := dao.CamelOilOrder.Ctx(ctx).TX(tx).Where(ocols.AccountId, req.Id).Where(ocols.Status, "pending_pay").Count()
		if err != nil {
			return err
		}
		if n > 0 {
			return errs.CamelAccountBusy.New()
		}
		now := s.now()
		if _, err = dao.CamelOilAccount.Ctx(ctx).TX(tx).Where(cols.Id, req.Id).Data(gdb.Map{cols.PhoneKey: nil,
			cols.DeletedAt: now, cols.UpdatedAt: now, cols.Version: gdb.Raw(cols.Version + "+1")}).Update(); err != nil {
			return err
		}
		return service.Middleware().AuditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	return &v1.AccountDeleteRes{}, nil
}

var historySorts = listq.NewSorts("id", map[string]listq.Field{"id": listq.Ordinal(dao.CamelOilAccountHistory.Columns().Id)})

// AccountHistory pages through an account's status changes, newest first.
func (s *sCamel) AccountHistory(ctx context.Context, req *v1.AccountHistoryReq) (*v1.AccountHistoryRes, error) {
	if _, err := findAccount(ctx, req.Id); err != nil {
		return nil, err
	}
	h := dao.CamelOilAccountHistory.Columns()
	rows, total, err := listq.Page[entity.CamelOilAccountHistory](
		dao.CamelOilAccountHistory.Ctx(ctx).Where(h.AccountId, req.Id), req.PageReq, historySorts)
	if err != nil {
		return nil, err
	}
	items := make([]v1.HistoryItem, 0, len(rows))
	for _, r := range rows {
		items = append(items, v1.HistoryItem{Id: r.Id, FromStatus: r.FromStatus, ToStatus: r.ToStatus, Reason: r.Reason,
			OperatorId: r.OperatorId, CreatedAt: timefmt.Format(r.CreatedAt)})
	}
	return &v1.AccountHistoryRes{Items: items, Total: total}, nil
}

// findAccount is a live account (soft-deleted ones are filtered by gf), or 404.
func findAccount(ctx context.Context, id int64) (*entity.CamelOilAccount, error) {
	var a *entity.CamelOilAccount
	if err := dao.CamelOilAccount.Ctx(ctx).WherePri(id).Scan(&a); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if a == nil {
		return nil, errs.NotFound.New()
	}
	return a, nil
}

// accountItem is the admin view; counters of another day read as 0 (§1).
func (s *sCamel) accountItem(a *entity.CamelOilAccount) v1.AccountItem {
	it := v1.AccountItem{Id: a.Id, Phone: a.Phone, Status: a.Status, DailyLimit: a.DailyLimit,
		TotalOrderCount: a.TotalOrderCount, TotalPaidAmount: a.TotalPaidAmount, LastUsedAt: timefmt.Ptr(a.LastUsedAt),
		LastLoginAt: timefmt.Ptr(a.LastLoginAt), TokenExpireAt: timefmt.Ptr(a.TokenExpireAt), FailCount: a.FailCount,
		FailureReason: a.FailureReason, Remark: a.Remark, CreatedAt: timefmt.Format(a.CreatedAt)}
	if a.DailyDate == s.today() {
		it.DailyOrderCount, it.DailyPaidCount = a.DailyOrderCount, a.DailyPaidCount
	}
	return it
}
