package quota

import (
	"context"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/quota/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/idemkey"
	"kami/internal/listq"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/scope"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

var reviewSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.QuotaReviews.Columns().Id),
	"amount":    listq.Ordinal(dao.QuotaReviews.Columns().Amount),
	"createdAt": listq.Ordinal(dao.QuotaReviews.Columns().CreatedAt),
})

// Reviews lists the operations risk rules held; reviewing is the super-admin's alone.
func (s *sQuota) Reviews(ctx context.Context, req *v1.ReviewListReq) (*v1.ReviewListRes, error) {
	if err := reviewer(ctx); err != nil {
		return nil, err
	}
	cols := dao.QuotaReviews.Columns()
	m := scope.Apply(ctx, dao.QuotaReviews.Ctx(ctx).Safe(), cols.UserId)
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	if req.Kind != "" {
		m = m.Where(cols.Kind, req.Kind)
	}
	if req.UserId > 0 {
		m = m.Where(cols.UserId, req.UserId)
	}
	rows, total, err := listq.Page[entity.QuotaReviews](m, req.PageReq, reviewSorts)
	if err != nil {
		return nil, err
	}
	items, err := reviewItems(ctx, rows)
	if err != nil {
		return nil, err
	}
	return &v1.ReviewListRes{Items: items, Total: total}, nil
}

// ApproveReview lets a held operation through, all of it or (amount) part of it; the rest is
// unfrozen. A transfer then reaches its recipient in one movement; a withdrawal, shrunk to the
// approved amount, goes on to its approver as pending.
func (s *sQuota) ApproveReview(ctx context.Context, req *v1.ReviewApproveReq) (*v1.ReviewApproveRes, error) {
	if err := reviewer(ctx); err != nil {
		return nil, err
	}
	r, err := reviewRow(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	approved := req.Amount
	if approved == 0 {
		approved = r.Amount
	}
	if approved < 0 || approved > r.Amount {
		return nil, errs.QuotaApproveAmount.New()
	}
	if r.Kind == model.QuotaTypeTransfer && r.Status == reviewPending {
		// The recipient must still be able to receive, as at the transfer itself.
		to, err := service.User().Account(ctx, r.ToUserId)
		if err != nil && !errs.Is(err, errs.NotFound) {
			return nil, err
		}
		if to == nil || to.Status != consts.StatusEnabled {
			return nil, errs.QuotaRecipient.New()
		}
	}
	data := do.QuotaReviews{Status: reviewApproved, ApprovedAmount: approved, Note: req.Note}
	err = s.decideReview(ctx, r, data, func(ctx context.Context, tx gdb.TX) error {
		params := map[string]any{"id": r.Id, "amount": s.yuan(r.Amount), "approved": s.yuan(approved)}
		if r.Kind == model.QuotaTypeWithdrawal {
			if err := s.shrink(ctx, r.ReservationId, approved); err != nil {
				return err
			}
			if err := s.moveWithdrawal(ctx, r.WithdrawalId, []string{withdrawalReview},
				do.QuotaWithdrawals{Status: withdrawalPending, Amount: approved}); err != nil {
				return err
			}
			return s.notice(ctx, model.Recipients{UserIDs: []int64{r.UserId}}, "quota.changed", "quota.reviewApproved", r.Id, params)
		}
		if _, err := s.settle(ctx, tx, r.ReservationId, approved, r.ToUserId,
			model.QuotaCommit{IdemKey: idemkey.Derive(ctx, "settle"), Remark: r.Remark}); err != nil {
			return err
		}
		mv, err := newestMovement(ctx, reviewRef(r.Id))
		if err != nil {
			return err
		}
		if _, err = dao.QuotaReviews.Ctx(ctx).WherePri(r.Id).Data(do.QuotaReviews{MovementId: mv}).Update(); err != nil {
			return err
		}
		if err = s.notice(ctx, model.Recipients{UserIDs: []int64{r.UserId}}, "quota.changed", "quota.reviewApproved", r.Id, params); err != nil {
			return err
		}
		names, err := service.User().Usernames(ctx, []int64{r.UserId})
		if err != nil {
			return err
		}
		return s.tell(ctx, r.ToUserId, "quota.transferIn", mv, map[string]any{"amount": s.yuan(approved), "from": names[r.UserId]})
	})
	if err != nil {
		return nil, err
	}
	item, err := reviewItem(ctx, r.Id)
	if err != nil {
		return nil, err
	}
	return &v1.ReviewApproveRes{ReviewItem: *item}, nil
}

// RejectReview stops a held operation and unfreezes its amount; a held withdrawal is rejected
// with the reviewer's note as its reason.
func (s *sQuota) RejectReview(ctx context.Context, req *v1.ReviewRejectReq) (*v1.ReviewRejectRes, error) {
	if err := reviewer(ctx); err != nil {
		return nil, err
	}
	r, err := reviewRow(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	err = s.decideReview(ctx, r, do.QuotaReviews{Status: reviewRejected, Note: req.Note}, func(ctx context.Context, tx gdb.TX) error {
		if err := s.Release(ctx, tx, r.ReservationId); err != nil {
			return err
		}
		if r.Kind == model.QuotaTypeWithdrawal {
			if err := s.moveWithdrawal(ctx, r.WithdrawalId, []string{withdrawalReview}, do.QuotaWithdrawals{
				Status: withdrawalRejected, Reason: req.Note, DecidedBy: principal.From(ctx).UserID,
				DecidedAt: gtime.NewFromTime(s.now())}); err != nil {
				return err
			}
		}
		return s.notice(ctx, model.Recipients{UserIDs: []int64{r.UserId}}, "quota.changed", "quota.reviewRejected", r.Id,
			map[string]any{"id": r.Id, "amount": s.yuan(r.Amount), "note": req.Note})
	})
	if err != nil {
		return nil, err
	}
	item, err := reviewItem(ctx, r.Id)
	if err != nil {
		return nil, err
	}
	return &v1.ReviewRejectRes{ReviewItem: *item}, nil
}

// decideReview takes the locks of the accounts the review moves (both sides of a transfer),
// then in one transaction moves it from pending to data's status — the guarded UPDATE that
// lets exactly one of two racing decisions through — and runs apply.
func (s *sQuota) decideReview(ctx context.Context, r *entity.QuotaReviews, data do.QuotaReviews,
	apply func(ctx context.Context, tx gdb.TX) error) error {
	users := []int64{r.UserId}
	if r.ToUserId != 0 {
		users = append(users, r.ToUserId)
	}
	return s.Lock(ctx, users, func(ctx context.Context) error {
		return dao.QuotaReviews.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			now := gtime.NewFromTime(s.now())
			data.ReviewerId, data.DecidedAt, data.UpdatedAt = principal.From(ctx).UserID, now, now
			cols := dao.QuotaReviews.Columns()
			res, err := dao.QuotaReviews.Ctx(ctx).WherePri(r.Id).Where(cols.Status, reviewPending).Data(data).Update()
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return errs.InvalidState.New()
			}
			return apply(ctx, tx)
		})
	})
}

// reviewer refuses everyone but the super-admin (the routes' RBAC already does; this keeps the
// rule true for a caller in Go).
func reviewer(ctx context.Context) error {
	if p := principal.From(ctx); p == nil || p.Role != consts.RoleSuperAdmin {
		return errs.Forbidden.New()
	}
	return nil
}

func reviewRow(ctx context.Context, id int64) (*entity.QuotaReviews, error) {
	var r *entity.QuotaReviews
	err := dao.QuotaReviews.Ctx(ctx).WherePri(id).Scan(&r)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if r == nil {
		return nil, errs.NotFound.New()
	}
	return r, nil
}

// newestMovement is the id of the last movement written for ref.
func newestMovement(ctx context.Context, ref string) (int64, error) {
	cols := dao.QuotaMovements.Columns()
	v, err := dao.QuotaMovements.Ctx(ctx).Fields(cols.Id).Where(cols.Ref, ref).OrderDesc(cols.Id).Limit(1).Value()
	if err != nil && !dbx.IsNoRows(err) {
		return 0, err
	}
	return v.Int64(), nil
}

func reviewItem(ctx context.Context, id int64) (*v1.ReviewItem, error) {
	r, err := reviewRow(ctx, id)
	if err != nil {
		return nil, err
	}
	items, err := reviewItems(ctx, []entity.QuotaReviews{*r})
	if err != nil {
		return nil, err
	}
	return &items[0], nil
}

func reviewItems(ctx context.Context, rows []entity.QuotaReviews) ([]v1.ReviewItem, error) {
	ids := make([]int64, 0, 2*len(rows))
	for _, r := range rows {
		ids = append(ids, r.UserId)
		if r.ToUserId != 0 {
			ids = append(ids, r.ToUserId)
		}
	}
	names, err := service.User().Usernames(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]v1.ReviewItem, 0, len(rows))
	for _, r := range rows {
		rules := []string{}
		if r.Rules != "" {
			rules = strings.Split(r.Rules, ",")
		}
		out = append(out, v1.ReviewItem{
			Id: r.Id, Kind: r.Kind, UserId: r.UserId, Username: names[r.UserId], ToUserId: r.ToUserId,
			ToUsername: names[r.ToUserId], Amount: r.Amount, ApprovedAmount: r.ApprovedAmount, Rules: rules,
			Remark: r.Remark, Status: r.Status, WithdrawalId: r.WithdrawalId, Note: r.Note, ReviewerId: r.ReviewerId,
			DecidedAt: timefmt.Ptr(r.DecidedAt), CreatedAt: timefmt.Format(r.CreatedAt),
		})
	}
	return out, nil
}
