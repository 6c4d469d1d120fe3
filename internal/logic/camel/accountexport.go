package camel

import (
	"context"
	"fmt"

	"github.com/gogf/gf/v2/i18n/gi18n"

	v1 "kami/api/camel/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/exportfile"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
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
	n, err := m.Count()
	if err != nil {
		return nil, err
	}
	if n > maxAccountExport {
		return nil, errs.ExportTooLarge.New(maxAccountExport)
	}
	titles := make([]any, len(accountExportColumns))
	for i, c := range accountExportColumns {
		titles[i] = gi18n.T(ctx, "camelOil.account.col."+c)
	}
	format := req.Format
	if format == "" {
		format = "xlsx"
	}
	out, err := exportfile.New(format, titles)
	if err != nil {
		return nil, err
	}
	defer out.Discard()
	var rows []entity.CamelOilAccount
	if err = m.OrderAsc(cols.Id).Scan(&rows); err != nil {
		return nil, err
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	for i := range rows {
		it := s.accountItem(&rows[i])
		if err = out.Row([]any{it.Phone, it.Status, it.DailyLimit, it.DailyOrderCount, it.TotalOrderCount,
			it.TotalPaidAmount, str(it.LastUsedAt), str(it.LastLoginAt), it.Remark, it.CreatedAt}); err != nil {
			return nil, err
		}
	}
	return out.Download(fmt.Sprintf("camel-oil-accounts-%s.%s", s.now().In(timefmt.Zone()).Format("20060102-150405"), format))
}
