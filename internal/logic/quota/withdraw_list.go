package quota

import (
	"context"

	v1 "kami/api/quota/v1"
	"kami/internal/dao"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/scope"
	"kami/internal/service"
	"kami/internal/timefmt"
)

var withdrawalSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.QuotaWithdrawals.Columns().Id),
	"amount":    listq.Ordinal(dao.QuotaWithdrawals.Columns().Amount),
	"createdAt": listq.Ordinal(dao.QuotaWithdrawals.Columns().CreatedAt),
})

// Withdrawals lists the withdrawals in the caller's scope: an agent's own, an agent-admin's
// and its agents', everyone's for the super-admin.
func (s *sQuota) Withdrawals(ctx context.Context, req *v1.WithdrawalListReq) (*v1.WithdrawalListRes, error) {
	cols := dao.QuotaWithdrawals.Columns()
	m := scope.Apply(ctx, dao.QuotaWithdrawals.Ctx(ctx).Safe(), cols.UserId)
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	if req.UserId > 0 {
		m = m.Where(cols.UserId, req.UserId)
	}
	rows, total, err := listq.Page[entity.QuotaWithdrawals](m, req.PageReq, withdrawalSorts)
	if err != nil {
		return nil, err
	}
	items, err := withdrawalItems(ctx, rows)
	if err != nil {
		return nil, err
	}
	return &v1.WithdrawalListRes{Items: items, Total: total}, nil
}

// Withdrawal answers one withdrawal in the caller's scope; outside it, 404 as for none.
func (s *sQuota) Withdrawal(ctx context.Context, req *v1.WithdrawalGetReq) (*v1.WithdrawalGetRes, error) {
	w, err := withdrawalInScope(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	items, err := withdrawalItems(ctx, []entity.QuotaWithdrawals{*w})
	if err != nil {
		return nil, err
	}
	return &v1.WithdrawalGetRes{WithdrawalItem: items[0]}, nil
}

// withdrawalInScope is the withdrawal when its requester is in the caller's scope; 404 otherwise.
func withdrawalInScope(ctx context.Context, id int64) (*entity.QuotaWithdrawals, error) {
	w, err := withdrawalRow(ctx, id)
	if err != nil {
		return nil, err
	}
	if _, err = inScope(ctx, w.UserId); err != nil {
		return nil, err
	}
	return w, nil
}

// withdrawalItem reads the withdrawal back as the client sees it.
func (s *sQuota) withdrawalItem(ctx context.Context, id int64) (*v1.WithdrawalItem, error) {
	w, err := withdrawalRow(ctx, id)
	if err != nil {
		return nil, err
	}
	items, err := withdrawalItems(ctx, []entity.QuotaWithdrawals{*w})
	if err != nil {
		return nil, err
	}
	return &items[0], nil
}

func withdrawalItems(ctx context.Context, rows []entity.QuotaWithdrawals) ([]v1.WithdrawalItem, error) {
	ids := make([]int64, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.UserId)
	}
	names, err := service.User().Usernames(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]v1.WithdrawalItem, 0, len(rows))
	for _, r := range rows {
		out = append(out, v1.WithdrawalItem{
			Id: r.Id, UserId: r.UserId, Username: names[r.UserId], Amount: r.Amount, Account: r.Account,
			Remark: r.Remark, Status: r.Status, PaymentRef: r.PaymentRef, Reason: r.Reason, DecidedBy: r.DecidedBy,
			DecidedAt: timefmt.Ptr(r.DecidedAt), CreatedAt: timefmt.Format(r.CreatedAt),
		})
	}
	return out, nil
}
