package camel

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/camel/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/service"
)

// AcquireAccounts takes count numbers from the SMS-code platform and adds each as a new
// pending_login account. Every number is released again at once: the login occupies the
// account's own number when it runs, so none is held (and paid for) while the account waits.
// A number already in the pool is skipped; the first platform failure ends the run with what
// was created so far, or 503 when nothing was.
func (s *sCamel) AcquireAccounts(ctx context.Context, req *v1.AccountAcquireReq) (*v1.AccountAcquireRes, error) {
	limit := int(settingInt(SettingDefaultDailyLimit))
	if req.DailyLimit != nil {
		limit = *req.DailyLimit
	}
	res := &v1.AccountAcquireRes{Phones: []string{}}
	for range req.Count {
		phone, err := s.sms().GetNumber(ctx, "")
		if err != nil {
			if res.Created == 0 {
				return nil, errs.Unavailable.Wrap(err)
			}
			break
		}
		err = dao.CamelOilAccount.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			if _, err := s.insertAccount(ctx, tx, phone, "", limit, "acquired"); err != nil {
				return err
			}
			return service.Middleware().AuditInTx(ctx, tx)
		})
		_ = s.sms().Release(context.WithoutCancel(ctx), phone)
		switch {
		case errs.Is(err, errs.CamelPhoneExists):
			continue
		case err != nil:
			return nil, err
		}
		res.Created++
		res.Phones = append(res.Phones, phone)
	}
	return res, nil
}
