package derp

import (
	"context"
	"strconv"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
)

const (
	orderRefunded = "refunded"
	// quotaTypeRefund is the customer's credit of a refund; quotaTypeCommissionRefund the
	// distributor's debit of the commission share it had earned on the refunded part (§11).
	quotaTypeRefund           = "derp_refund"
	quotaTypeCommissionRefund = "derp_commission_refund"
)

// OrderRefund gives a customer back part or all of a balance order (S, §11): in one transaction,
// under both account locks, the guarded order UPDATE (refunded += amount, never past the amount;
// status refunded), the customer's credit, and the distributor's debit of
// floor(amount·commissionBps/10000). When the distributor cannot cover that debit the ledger's
// 409 rolls everything back. The rental is left as it is: suspending it is a separate decision.
func (s *sDerp) OrderRefund(ctx context.Context, req *v1.OrderRefundReq) (*v1.OrderRefundRes, error) {
	o, err := refundableOrder(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	lock := []int64{o.BuyerId}
	if o.CommissionTo != 0 && o.CommissionTo != o.BuyerId {
		lock = append(lock, o.CommissionTo)
	}
	err = service.Quota().Lock(ctx, lock, func(ctx context.Context) error {
		return dao.DerpOrders.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			return refundIn(ctx, tx, o, req.Amount, strings.TrimSpace(req.Remark))
		})
	})
	if err != nil {
		return nil, err
	}
	o, err = orderByID(ctx, o.Id)
	if err != nil {
		return nil, err
	}
	it := financeOrderItem(o)
	return &it, nil
}

// refundableOrder is the customer balance order id, or 404; other orders are 409.
func refundableOrder(ctx context.Context, id int64) (*entity.DerpOrders, error) {
	o, err := orderByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if o.PayMethod != payBalance || (o.Kind != orderKindRentalNew && o.Kind != orderKindRenew) ||
		(o.Status != orderCompleted && o.Status != orderRefunded) {
		return nil, errs.DerpInvalidState.New()
	}
	return o, nil
}

// refundIn is the refund transaction. The order row is moved first, guarded on the refunded
// total it was read with, so two racing refunds cannot both pass the cap; the ledger keys name
// that total, so a replay of the same step moves nothing twice.
func refundIn(ctx context.Context, tx gdb.TX, o *entity.DerpOrders, amount int64, remark string) error {
	if o.Refunded+amount > o.Amount {
		return errs.InvalidInput.Msg("the refunds would exceed the order amount")
	}
	cols := dao.DerpOrders.Columns()
	n, err := dao.DerpOrders.Ctx(ctx).Data(g.Map{cols.Refunded: o.Refunded + amount, cols.Status: orderRefunded}).
		WherePri(o.Id).Where(cols.Refunded, o.Refunded).WhereIn(cols.Status, []string{orderCompleted, orderRefunded}).
		UpdateAndGetAffected()
	if err != nil {
		return err
	}
	if n != 1 {
		return errs.DerpInvalidState.New()
	}
	step := o.OrderNo + ":" + strconv.FormatInt(o.Refunded, 10)
	if _, err = service.Quota().Credit(ctx, tx, model.QuotaMove{UserID: o.BuyerId, Amount: amount, Type: quotaTypeRefund,
		Ref: "derp:refund:" + o.OrderNo, Remark: remark, IdemKey: "derp:refund:" + step}); err != nil {
		return err
	}
	back := amount * int64(o.CommissionBps) / 10000
	if back <= 0 || o.CommissionTo == 0 {
		return nil
	}
	_, err = service.Quota().Debit(ctx, tx, model.QuotaMove{UserID: o.CommissionTo, Amount: back,
		Type: quotaTypeCommissionRefund, Ref: "derp:refund:" + o.OrderNo, Remark: remark,
		IdemKey: "derp:commission_refund:" + step})
	return err
}

func orderByID(ctx context.Context, id int64) (*entity.DerpOrders, error) {
	var o *entity.DerpOrders
	if err := dao.DerpOrders.Ctx(ctx).WherePri(id).Scan(&o); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if o == nil {
		return nil, errs.NotFound.New()
	}
	return o, nil
}
