package quota

import (
	"context"

	v1 "kami/api/quota/v1"
	"kami/internal/errs"
)

// TODO(withdrawal helper): the whole file.

// Withdraw files a withdrawal request and freezes its amount (seed 001 §4.3).
func (s *sQuota) Withdraw(ctx context.Context, req *v1.WithdrawalCreateReq) (*v1.WithdrawalCreateRes, error) {
	return nil, errs.Internal.New()
}

// Withdrawals lists the withdrawals in the caller's scope.
func (s *sQuota) Withdrawals(ctx context.Context, req *v1.WithdrawalListReq) (*v1.WithdrawalListRes, error) {
	return nil, errs.Internal.New()
}

// Withdrawal answers one withdrawal in the caller's scope.
func (s *sQuota) Withdrawal(ctx context.Context, req *v1.WithdrawalGetReq) (*v1.WithdrawalGetRes, error) {
	return nil, errs.Internal.New()
}

// ApproveWithdrawal pays out a pending withdrawal (offline, with its payment reference).
func (s *sQuota) ApproveWithdrawal(ctx context.Context, req *v1.WithdrawalApproveReq) (*v1.WithdrawalApproveRes, error) {
	return nil, errs.Internal.New()
}

// RejectWithdrawal refuses a pending withdrawal and unfreezes its amount.
func (s *sQuota) RejectWithdrawal(ctx context.Context, req *v1.WithdrawalRejectReq) (*v1.WithdrawalRejectRes, error) {
	return nil, errs.Internal.New()
}

// CancelWithdrawal is the requester taking its own withdrawal back while it waits.
func (s *sQuota) CancelWithdrawal(ctx context.Context, req *v1.WithdrawalCancelReq) (*v1.WithdrawalCancelRes, error) {
	return nil, errs.Internal.New()
}
