package payment

import (
	"context"
	"fmt"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
)

// confirm applies a provider's report of a trade (from a notify or a query, named by source).
// A paid trade of the right amount credits the order's quota once: the guarded UPDATE
// (status pending → paid) and the ledger Credit (idempotent on the provider's trade number) run
// in one transaction under the payer's account lock, so of any number of racing confirmations
// one wins and the others find the order paid. A trade naming no order of the channel, or
// another amount, is refused and alerted, and nothing is credited.
func (s *sPayment) confirm(ctx context.Context, channel, source string, t Trade) (*entity.PaymentOrders, error) {
	o, err := orderByTradeNo(ctx, t.OutTradeNo)
	if err != nil {
		return nil, err
	}
	if o == nil || o.Channel != channel {
		s.log(ctx, 0, t.OutTradeNo, source, resultRefused, "unknown order")
		g.Log().Warningf(ctx, "payment %s: %s reports unknown order %q", channel, source, t.OutTradeNo)
		s.alert(ctx, 0, channel, t.OutTradeNo, "unknown order")
		return nil, errs.PaymentNotify.New()
	}
	if !t.Paid {
		s.log(ctx, o.Id, o.OutTradeNo, source, resultPending, "not paid")
		return o, nil
	}
	if fen, _ := s.fen(o.Amount); t.Amount != fen || t.TradeNo == "" {
		s.log(ctx, o.Id, o.OutTradeNo, source, resultRefused,
			fmt.Sprintf("paid %d fen, trade %q; the order is %d units", t.Amount, t.TradeNo, o.Amount))
		g.Log().Errorf(ctx, "payment %s: %s of %s reports %d fen, the order is %d units: refused",
			channel, source, o.OutTradeNo, t.Amount, o.Amount)
		s.alert(ctx, o.Id, channel, o.OutTradeNo, "amount mismatch")
		return nil, errs.PaymentNotify.New()
	}
	if clash, err := tradeTaken(ctx, channel, t.TradeNo, o.Id); err != nil || clash {
		if clash {
			// One provider payment credits one order at most (the unique index is the guard).
			s.log(ctx, o.Id, o.OutTradeNo, source, resultRefused, "trade "+t.TradeNo+" belongs to another order")
			s.alert(ctx, o.Id, channel, o.OutTradeNo, "trade number of another order")
			return nil, errs.PaymentNotify.New()
		}
		return nil, err
	}
	if o.Status != StatusPending {
		s.log(ctx, o.Id, o.OutTradeNo, source, resultDuplicate, "already "+o.Status)
		return o, nil
	}
	won := false
	err = service.Quota().Lock(ctx, []int64{o.UserId}, func(ctx context.Context) error {
		return dao.PaymentOrders.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			now := gtime.NewFromTime(s.now())
			cols := dao.PaymentOrders.Columns()
			res, err := dao.PaymentOrders.Ctx(ctx).Data(do.PaymentOrders{Status: StatusPaid, TradeNo: t.TradeNo,
				PaidAt: now, UpdatedAt: now}).Where(cols.Id, o.Id).Where(cols.Status, StatusPending).Update()
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return nil // another confirmation won
			}
			mv, err := service.Quota().Credit(ctx, tx, model.QuotaMove{UserID: o.UserId, Amount: o.Amount,
				Type: QuotaTypeTopup, Ref: "payment:" + o.OutTradeNo, Remark: channel + " " + t.TradeNo,
				IdemKey: "payment:" + channel + ":" + t.TradeNo})
			if err != nil {
				return err
			}
			if _, err = dao.PaymentOrders.Ctx(ctx).Data(do.PaymentOrders{MovementId: mv}).Where(cols.Id, o.Id).Update(); err != nil {
				return err
			}
			s.log(ctx, o.Id, o.OutTradeNo, "paid", resultOK, fmt.Sprintf("%s: trade %s, movement %d", source, t.TradeNo, mv))
			won = true
			return nil
		})
	})
	if err != nil {
		s.log(ctx, o.Id, o.OutTradeNo, source, resultFailed, err.Error())
		return nil, err
	}
	if !won {
		s.log(ctx, o.Id, o.OutTradeNo, source, resultDuplicate, "confirmed concurrently")
	}
	return orderByTradeNo(ctx, o.OutTradeNo)
}

// tradeTaken reports whether another order of the channel holds the provider's trade number.
func tradeTaken(ctx context.Context, channel, tradeNo string, orderID int64) (bool, error) {
	cols := dao.PaymentOrders.Columns()
	n, err := dao.PaymentOrders.Ctx(ctx).Where(cols.Channel, channel).Where(cols.TradeNo, tradeNo).
		WhereNot(cols.Id, orderID).Count()
	return n > 0, err
}

// orderByTradeNo is the order of our number, or nil.
func orderByTradeNo(ctx context.Context, outTradeNo string) (*entity.PaymentOrders, error) {
	var o *entity.PaymentOrders
	err := dao.PaymentOrders.Ctx(ctx).Where(dao.PaymentOrders.Columns().OutTradeNo, outTradeNo).Scan(&o)
	return o, err
}
