package camel

import (
	"context"

	v1 "kami/api/camel/v1"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/entity"
)

// The pool is at most a few thousand accounts; the cap keeps one download bounded all the same.
const maxAccountExport = 100_000

var accountExportColumns = []string{"phone", "status", "dailyLimit", "dailyOrderCount", "totalOrderCount",
	"totalPaidAmount", "lastUsedAt", "lastLoginAt", "remark", "createdAt"}

// ExportAccounts writes the pool, oldest first, through the shared StreamWriter export; the
// password and token columns are never read.
func (s *sCamel) ExportAccounts(ctx context.Context, req *v1.AccountExportReq) (*model.Download, error) {
	cols := dao.CamelOilAccount.Columns()
	m := dao.CamelOilAccount.Ctx(ctx).FieldsEx(cols.Password, cols.Token)
	out, err := s.newExport(ctx, m, maxAccountExport, req.Format, "account", accountExportColumns)
	if err != nil {
		return nil, err
	}
	defer out.Discard()
	var rows []entity.CamelOilAccount
	if err = m.OrderAsc(cols.Id).Scan(&rows); err != nil {
		return nil, err
	}
	for i := range rows {
		it := s.accountItem(&rows[i])
		if err = out.Row([]any{it.Phone, it.Status, it.DailyLimit, it.DailyOrderCount, it.TotalOrderCount,
			it.TotalPaidAmount, orEmpty(it.LastUsedAt), orEmpty(it.LastLoginAt), it.Remark, it.CreatedAt}); err != nil {
			return nil, err
		}
	}
	return out.download()
}
