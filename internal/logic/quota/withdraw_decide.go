package quota

import (
	"context"

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
)

// cancelNote is what a review of a withdrawal its requester cancelled says.
const cancelNote = "cancelled by the requester"

// ApproveWithdrawal pays out a pending withdrawal (offline, with its payment reference): the
// frozen amount leaves the account for the system account.
func (s *sQuota) ApproveWithdrawal(ctx context.Context, req *v1.WithdrawalApproveReq) (*v1.WithdrawalApproveRes, error) {
	w, err := approvable(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	err = s.decideWithdrawal(ctx, w, do.QuotaWithdrawals{Status: withdrawalPaid, PaymentRef: req.PaymentRef},
		func(ctx context.Context, tx gdb.TX, w *entity.QuotaWithdrawals) error {
			if _, err := s.Commit(ctx, tx, w.ReservationId, w.Amount,
				model.QuotaCommit{IdemKey: idemkey.Derive(ctx, "commit"), Remark: req.PaymentRef}); err != nil {
				return err
			}
			return s.notice(ctx, model.Recipients{UserIDs: []int64{w.UserId}}, "quota.changed", "quota.withdrawalPaid", w.Id,
				map[string]any{"id": w.Id, "amount": s.yuan(w.Amount), "paymentRef": req.PaymentRef})
		})
	if err != nil {
		return nil, err
	}
	item, err := s.withdrawalItem(ctx, w.Id)
	if err != nil {
		return nil, err
	}
	return &v1.WithdrawalApproveRes{WithdrawalItem: *item}, nil
}

// RejectWithdrawal refuses a pending withdrawal and unfreezes its amount.
func (s *sQuota) RejectWithdrawal(ctx context.Context, req *v1.WithdrawalRejectReq) (*v1.WithdrawalRejectRes, error) {
	w, err := approvable(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	err = s.decideWithdrawal(ctx, w, do.QuotaWithdrawals{Status: withdrawalRejected, Reason: req.Reason},
		func(ctx context.Context, tx gdb.TX, w *entity.QuotaWithdrawals) error {
			if err := s.Release(ctx, tx, w.ReservationId); err != nil {
				return err
			}
			return s.notice(ctx, model.Recipients{UserIDs: []int64{w.UserId}}, "quota.changed", "quota.withdrawalRejected", w.Id,
				map[string]any{"id": w.Id, "amount": s.yuan(w.Amount), "reason": req.Reason})
		})
	if err != nil {
		return nil, err
	}
	item, err := s.withdrawalItem(ctx, w.Id)
	if err != nil {
		return nil, err
	}
	return &v1.WithdrawalRejectRes{WithdrawalItem: *item}, nil
}

// CancelWithdrawal is the requester taking its own withdrawal back while it waits (pending,
// or held for review: the review is closed as rejected). Nobody else sees it to cancel: 404.
func (s *sQuota) CancelWithdrawal(ctx context.Context, req *v1.WithdrawalCancelReq) (*v1.WithdrawalCancelRes, error) {
	p := principal.From(ctx)
	w, err := withdrawalRow(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if w.UserId != p.UserID {
		return nil, errs.NotFound.New()
	}
	err = s.Lock(ctx, []int64{w.UserId}, func(ctx context.Context) error {
		return dao.QuotaWithdrawals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			now := gtime.NewFromTime(s.now())
			if err := s.moveWithdrawal(ctx, w.Id, []string{withdrawalPending, withdrawalReview},
				do.QuotaWithdrawals{Status: withdrawalCancelled, DecidedBy: p.UserID, DecidedAt: now}); err != nil {
				return err
			}
			// A review still open on it has nothing left to decide. Zero rows is fine: the
			// withdrawal was pending, so its review (if any) was decided already.
			cols := dao.QuotaReviews.Columns()
			if _, err := dao.QuotaReviews.Ctx(ctx).Where(cols.WithdrawalId, w.Id).Where(cols.Status, reviewPending).
				Data(do.QuotaReviews{Status: reviewRejected, Note: cancelNote, ReviewerId: p.UserID, DecidedAt: now, UpdatedAt: now}).
				Update(); err != nil {
				return err
			}
			return s.Release(ctx, tx, w.ReservationId)
		})
	})
	if err != nil {
		return nil, err
	}
	item, err := s.withdrawalItem(ctx, w.Id)
	if err != nil {
		return nil, err
	}
	return &v1.WithdrawalCancelRes{WithdrawalItem: *item}, nil
}

// decideWithdrawal moves a pending withdrawal to data's status under its requester's lock and
// runs settle (the ledger movement and the notice) in the same transaction, on the row as it is
// after the guarded UPDATE.
func (s *sQuota) decideWithdrawal(ctx context.Context, w *entity.QuotaWithdrawals, data do.QuotaWithdrawals,
	settle func(ctx context.Context, tx gdb.TX, w *entity.QuotaWithdrawals) error) error {
	return s.Lock(ctx, []int64{w.UserId}, func(ctx context.Context) error {
		return dao.QuotaWithdrawals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			data.DecidedBy, data.DecidedAt = principal.From(ctx).UserID, gtime.NewFromTime(s.now())
			if err := s.moveWithdrawal(ctx, w.Id, []string{withdrawalPending}, data); err != nil {
				return err
			}
			now, err := withdrawalRow(ctx, w.Id)
			if err != nil {
				return err
			}
			return settle(ctx, tx, now)
		})
	})
}

// approvable is a withdrawal the caller may decide: the super-admin decides any; an
// agent-admin those of its own agents (its children). Outside the caller's scope it is 404;
// in scope but not the caller's to decide (its own: the super-admin decides an agent-admin's)
// it is 403.
func approvable(ctx context.Context, id int64) (*entity.QuotaWithdrawals, error) {
	p := principal.From(ctx)
	w, err := withdrawalInScope(ctx, id)
	if err != nil {
		return nil, err
	}
	switch p.Role {
	case consts.RoleSuperAdmin:
		return w, nil
	case consts.RoleAgentAdmin:
		if w.UserId == p.UserID {
			return nil, errs.Forbidden.New()
		}
		u, err := service.User().Account(ctx, w.UserId)
		if err != nil {
			return nil, err
		}
		if u.ParentId != p.UserID {
			return nil, errs.Forbidden.New()
		}
		return w, nil
	}
	return nil, errs.Forbidden.New()
}
