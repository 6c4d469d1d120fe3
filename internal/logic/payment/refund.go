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
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
)

// Refund gives a paid top-up back (the super-admin's), in two steps so no provider call runs
// inside a database transaction (a slow provider held the row lock, and a commit failing after
// the provider refunded would have left the payer refunded and still holding the quota):
//  1. under the payer's account lock, one transaction: the guarded paid → refunding update and
//     the ledger Debit of the amount (refused when the payer spent it);
//  2. after the commit, the provider's refund, then the guarded refunding → refunded update.
//
// A provider failure leaves the order refunding with the quota already taken back (the money is
// on its way to the payer, so the quota must not be spendable) and answers 503; repeating the
// refund asks the provider again under the same refund number, derived from the order, so a
// retry after a lost answer never becomes a second refund.
func (s *sPayment) Refund(ctx context.Context, req *v1.OrderRefundReq) (*v1.OrderRefundRes, error) {
	if principal.From(ctx).Role != consts.RoleSuperAdmin {
		return nil, errs.Forbidden.New()
	}
	o, err := orderInScope(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if o.Status != StatusPaid && o.Status != StatusRefunding {
		return nil, errs.PaymentNotRefundable.New()
	}
	prov, err := s.provider(o.Channel)
	if err != nil {
		return nil, err
	}
	if o.Status == StatusPaid {
		if err = s.takeBack(ctx, o, req.Reason); err != nil {
			s.log(ctx, o.Id, o.OutTradeNo, "refund", resultFailed, err.Error())
			return nil, err
		}
	}
	refundNo := "R" + o.OutTradeNo[1:]
	fen, _ := s.fen(o.Amount) // exact: Create refused the others
	if err = prov.Refund(ctx, o.OutTradeNo, refundNo, fen, fen); err != nil {
		s.log(ctx, o.Id, o.OutTradeNo, "refund", resultFailed,
			fmt.Sprintf("refund %s: provider: %v (the order stays refunding; repeat the refund)", refundNo, err))
		return nil, errs.PaymentRefundPending.Wrap(err)
	}
	now := gtime.NewFromTime(s.now())
	cols := dao.PaymentOrders.Columns()
	// Guarded: of two racing repeats both may reach the provider (same refund number, one refund
	// there), only one moves the row; the other finds it refunded, which is the answer it wants.
	if _, err = dao.PaymentOrders.Ctx(ctx).Data(do.PaymentOrders{Status: StatusRefunded, RefundedAt: now, UpdatedAt: now}).
		Where(cols.Id, o.Id).Where(cols.Status, StatusRefunding).Update(); err != nil {
		return nil, err
	}
	s.log(ctx, o.Id, o.OutTradeNo, "refund", resultOK, fmt.Sprintf("refund %s: %s", refundNo, req.Reason))
	item, err := s.item(ctx, o.Id)
	if err != nil {
		return nil, err
	}
	return &v1.OrderRefundRes{OrderItem: *item}, nil
}

// takeBack is step 1 of Refund: paid → refunding and the ledger Debit, in one transaction.
func (s *sPayment) takeBack(ctx context.Context, o *entity.PaymentOrders, reason string) error {
	return service.Quota().Lock(ctx, []int64{o.UserId}, func(ctx context.Context) error {
		return dao.PaymentOrders.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			now := gtime.NewFromTime(s.now())
			cols := dao.PaymentOrders.Columns()
			res, err := dao.PaymentOrders.Ctx(ctx).Data(do.PaymentOrders{Status: StatusRefunding, UpdatedAt: now}).
				Where(cols.Id, o.Id).Where(cols.Status, StatusPaid).Update()
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return errs.PaymentNotRefundable.New()
			}
			mv, err := service.Quota().Debit(ctx, tx, model.QuotaMove{UserID: o.UserId, Amount: o.Amount,
				Type: QuotaTypeTopupRefund, Ref: "payment:" + o.OutTradeNo, Remark: reason,
				IdemKey: "payment-refund:" + o.OutTradeNo})
			if err != nil {
				if errs.Is(err, errs.QuotaInsufficient) {
					return errs.PaymentNotRefundable.New()
				}
				return err
			}
			_, err = dao.PaymentOrders.Ctx(ctx).Data(do.PaymentOrders{RefundMovementId: mv}).Where(cols.Id, o.Id).Update()
			return err
		})
	})
}
