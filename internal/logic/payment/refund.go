package payment

import (
	"context"
	"fmt"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/payment/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/principal"
	"kami/internal/service"
)

// Refund gives a paid top-up back (the super-admin's): under the payer's account lock and in
// one transaction, the guarded paid → refunded update, the ledger Debit of the amount (refused
// when the payer spent it: the top-up is no longer unspent), then the provider's refund; a
// provider failure rolls the first two back. The refund number is derived from the order, so a
// retry after a lost answer asks the provider for the same refund, never a second one.
func (s *sPayment) Refund(ctx context.Context, req *v1.OrderRefundReq) (*v1.OrderRefundRes, error) {
	if principal.From(ctx).Role != consts.RoleSuperAdmin {
		return nil, errs.Forbidden.New()
	}
	o, err := orderInScope(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if o.Status != StatusPaid {
		return nil, errs.PaymentNotRefundable.New()
	}
	prov, err := s.provider(o.Channel)
	if err != nil {
		return nil, err
	}
	refundNo := "R" + o.OutTradeNo[1:]
	err = service.Quota().Lock(ctx, []int64{o.UserId}, func(ctx context.Context) error {
		return dao.PaymentOrders.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			now := gtime.NewFromTime(s.now())
			cols := dao.PaymentOrders.Columns()
			res, err := dao.PaymentOrders.Ctx(ctx).Data(do.PaymentOrders{Status: StatusRefunded, RefundedAt: now,
				UpdatedAt: now}).Where(cols.Id, o.Id).Where(cols.Status, StatusPaid).Update()
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return errs.PaymentNotRefundable.New()
			}
			mv, err := service.Quota().Debit(ctx, tx, model.QuotaMove{UserID: o.UserId, Amount: o.Amount,
				Type: QuotaTypeTopupRefund, Ref: "payment:" + o.OutTradeNo, Remark: req.Reason,
				IdemKey: "payment-refund:" + o.OutTradeNo})
			if err != nil {
				if errs.Is(err, errs.QuotaInsufficient) {
					return errs.PaymentNotRefundable.New()
				}
				return err
			}
			if _, err = dao.PaymentOrders.Ctx(ctx).Data(do.PaymentOrders{RefundMovementId: mv}).Where(cols.Id, o.Id).Update(); err != nil {
				return err
			}
			fen, _ := s.fen(o.Amount) // exact: Create refused the others
			if err = prov.Refund(ctx, o.OutTradeNo, refundNo, fen, fen); err != nil {
				return errs.PaymentProvider.Wrap(err)
			}
			s.log(ctx, o.Id, o.OutTradeNo, "refund", resultOK, fmt.Sprintf("refund %s, movement %d: %s", refundNo, mv, req.Reason))
			return nil
		})
	})
	if err != nil {
		s.log(ctx, o.Id, o.OutTradeNo, "refund", resultFailed, err.Error())
		return nil, err
	}
	item, err := s.item(ctx, o.Id)
	if err != nil {
		return nil, err
	}
	return &v1.OrderRefundRes{OrderItem: *item}, nil
}
