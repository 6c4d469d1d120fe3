package quota

import (
	"context"
	"strconv"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/quota/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/idemkey"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/utility/dbx"
)

// Withdrawal statuses: review (held by a risk rule) -> pending (waiting for the approver) ->
// paid or rejected; cancelled by the requester from review or pending.
const (
	withdrawalReview    = "review"
	withdrawalPending   = "pending"
	withdrawalPaid      = "paid"
	withdrawalRejected  = "rejected"
	withdrawalCancelled = "cancelled"
)

// Withdraw files a withdrawal request and freezes its amount (seed 001 §4.3). Only accounts
// that hold agents' money withdraw: the super-admin's side is the system account.
func (s *sQuota) Withdraw(ctx context.Context, req *v1.WithdrawalCreateReq) (*v1.WithdrawalCreateRes, error) {
	p := principal.From(ctx)
	if p.Role != consts.RoleAgent && p.Role != consts.RoleAgentAdmin {
		return nil, errs.Forbidden.New()
	}
	if min := service.Settings().Int(settingMinWithdrawal); req.Amount < min {
		return nil, errs.QuotaBelowMinimum.New(s.yuan(min))
	}
	var id int64
	err := s.Lock(ctx, []int64{p.UserID}, func(ctx context.Context) error {
		return dao.QuotaWithdrawals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			key := idemkey.Derive(ctx, "reserve")
			var err error
			if id, err = priorWithdrawal(ctx, key, p.UserID, req); err != nil || id != 0 {
				return err
			}
			rules, err := s.riskRules(ctx, model.QuotaTypeWithdrawal, p.UserID, req.Amount)
			if err != nil {
				return err
			}
			status := withdrawalPending
			if len(rules) > 0 {
				status = withdrawalReview
			}
			// The row comes first: its id names the reservation.
			now := gtime.NewFromTime(s.now())
			id, err = dao.QuotaWithdrawals.Ctx(ctx).Data(do.QuotaWithdrawals{
				UserId: p.UserID, Amount: req.Amount, Account: req.Account, Remark: req.Remark, Status: status,
				CreatedAt: now, UpdatedAt: now,
			}).InsertAndGetId()
			if err != nil {
				return err
			}
			resID, err := s.Reserve(ctx, tx, model.QuotaReserve{UserID: p.UserID, Amount: req.Amount,
				Type: model.QuotaTypeWithdrawal, Ref: withdrawalRef(id), Remark: req.Remark, IdemKey: key})
			if err != nil {
				return err
			}
			if _, err = dao.QuotaWithdrawals.Ctx(ctx).WherePri(id).Data(do.QuotaWithdrawals{ReservationId: resID}).Update(); err != nil {
				return err
			}
			if len(rules) == 0 {
				return nil
			}
			_, err = s.hold(ctx, heldOp{kind: model.QuotaTypeWithdrawal, userID: p.UserID, withdrawalID: id,
				resID: resID, amount: req.Amount, remark: req.Remark, rules: rules})
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	item, err := s.withdrawalItem(ctx, id)
	if err != nil {
		return nil, err
	}
	return &v1.WithdrawalCreateRes{WithdrawalItem: *item}, nil
}

// priorWithdrawal is the withdrawal a first run of this request filed (its reservation
// carries key), found in the database so a retry files nothing twice even after the Redis
// record of the answer is gone; 0 when there is none. Another request under the key is 409.
func priorWithdrawal(ctx context.Context, key string, userID int64, req *v1.WithdrawalCreateReq) (int64, error) {
	m, err := movementByKey(ctx, key)
	if err != nil || m == nil {
		return 0, err
	}
	id, ok := refID(m.Ref, "withdrawal:")
	if !ok {
		return 0, errs.IdempotencyMismatch.New()
	}
	w, err := withdrawalRow(ctx, id)
	if err != nil {
		return 0, err
	}
	// m.Amount is what was asked: a partial review changes the row's amount, not the movement.
	if w.UserId != userID || m.Amount != req.Amount || w.Account != req.Account || w.Remark != req.Remark {
		return 0, errs.IdempotencyMismatch.New()
	}
	return id, nil
}

func withdrawalRef(id int64) string { return "withdrawal:" + strconv.FormatInt(id, 10) }

// withdrawalRow is the withdrawal with that id, whoever asks (callers check the scope), or 404.
func withdrawalRow(ctx context.Context, id int64) (*entity.QuotaWithdrawals, error) {
	var w *entity.QuotaWithdrawals
	err := dao.QuotaWithdrawals.Ctx(ctx).WherePri(id).Scan(&w)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if w == nil {
		return nil, errs.NotFound.New()
	}
	return w, nil
}

// moveWithdrawal is a withdrawal's state change: the UPDATE matches only while the row is in
// one of from, so of two racing decisions exactly one wins; the loser is 409 INVALID_STATE.
func (s *sQuota) moveWithdrawal(ctx context.Context, id int64, from []string, data do.QuotaWithdrawals) error {
	cols := dao.QuotaWithdrawals.Columns()
	data.UpdatedAt = gtime.NewFromTime(s.now())
	res, err := dao.QuotaWithdrawals.Ctx(ctx).WherePri(id).WhereIn(cols.Status, from).Data(data).Update()
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return errs.InvalidState.New()
	}
	return nil
}
