// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/quota/v1"
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/model"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
)

type (
	IQuota interface {
		// Alerts lists what the reconciliation job found, newest first. The route is the
		// super-admin's (catalog.go), so there is no narrower scope to apply.
		Alerts(ctx context.Context, req *v1.AlertListReq) (*v1.AlertListRes, error)
		// GetBalance answers the caller's account, or that of a user in its scope (404 otherwise, as
		// for a user that does not exist).
		GetBalance(ctx context.Context, req *v1.BalanceReq) (*v1.BalanceRes, error)
		// Debit takes in.Amount from the user's available quota (to the system account): a module's
		// one-step charge. 409 QUOTA_INSUFFICIENT when the user has less; nothing is written then.
		Debit(ctx context.Context, tx gdb.TX, in model.QuotaMove) (movementID int64, err error)
		// Credit adds in.Amount to the user's available quota (from the system account): a system
		// recharge, a refund, a top-up paid online.
		Credit(ctx context.Context, tx gdb.TX, in model.QuotaMove) (movementID int64, err error)
		// Transfer moves in.Amount from one user's available quota to another's, both accounts locked
		// in id order; the sender's guarded debit decides.
		Transfer(ctx context.Context, tx gdb.TX, in model.QuotaTransfer) (movementID int64, err error)
		// Balance is the user's account; a user without one holds nothing.
		Balance(ctx context.Context, userID int64) (model.QuotaBalance, error)
		// LedgerExport prepares every entry of the filtered ledger (not one page) as an .xlsx download
		// for the controller to send. The set is fixed at the largest id seen when the export starts,
		// refused before any byte is sent when it exceeds kami.exportMaxRows (never cut short), and
		// read newest first in keyset batches into excelize's StreamWriter, which spools rows to a
		// temporary file instead of holding them in memory.
		LedgerExport(ctx context.Context, req *v1.LedgerExportReq) (*model.Download, error)
		// Ledger pages through the entries in the caller's scope.
		Ledger(ctx context.Context, req *v1.LedgerListReq) (*v1.LedgerListRes, error)
		// Lock runs fn holding the account locks of userIDs, taken in ascending id order so two
		// operations on the same pair can never wait on each other. A module that writes its own rows
		// and moves quota in one transaction takes the locks first, then opens the transaction, and the
		// ledger calls inside it find the locks held. The system account needs no lock.
		Lock(ctx context.Context, userIDs []int64, fn func(ctx context.Context) error) error
		// Configure is how boot hands the ledger its configuration.
		Configure(cfg func() *config.Config)
		// SetClock is how boot (or a test) hands the ledger its clock.
		SetClock(c clock.Clock)
		// Recharge adds quota to a user (seed 001 §4.1). The super-admin's recharge comes from the
		// system account without limit (system_recharge); an agent-admin's comes out of its own
		// available quota into one of its agents (two entries: it goes down, the agent up).
		Recharge(ctx context.Context, req *v1.RechargeReq) (*v1.RechargeRes, error)
		// Reconcile checks every account against its entries and the whole ledger against zero, and
		// raises an alert (a quota_alerts row and a notice to the super-admins) for each difference.
		// It answers how many differences it found. It only reads the ledger: a difference is a bug
		// for a person to look at, never something to "fix" by writing an entry.
		Reconcile(ctx context.Context) (int, error)
		// Reserve freezes in.Amount of the user's available quota and returns the reservation's id.
		// 409 QUOTA_INSUFFICIENT (nothing written) when the user has less. A repeat with the same
		// IdemKey returns the same reservation.
		Reserve(ctx context.Context, tx gdb.TX, in model.QuotaReserve) (resID int64, err error)
		// Commit collects actual units of the reservation: up to its amount from the frozen part (the
		// rest is released in the same movement); more only with AllowOverage, taken from available
		// down to zero. It returns what was collected. A repeat with the same IdemKey returns the
		// first answer; committing a settled reservation otherwise is 409 INVALID_STATE.
		Commit(ctx context.Context, tx gdb.TX, resID int64, actual int64, opt model.QuotaCommit) (int64, error)
		// Release unfreezes what the reservation holds. Releasing a released reservation is a no-op,
		// so sweepers and retries may repeat it; a committed one is 409 INVALID_STATE.
		Release(ctx context.Context, tx gdb.TX, resID int64) error
		// ReservationByRef is the newest reservation made for a business object, or nil.
		ReservationByRef(ctx context.Context, ref string) (*model.QuotaReservation, error)
		// OverdueReservations lists open reservations of a type whose deadline is before, oldest
		// first, for the owning module's sweeper to commit or release.
		OverdueReservations(ctx context.Context, typ string, before time.Time, limit int) ([]model.QuotaReservation, error)
		// Reviews lists the operations risk rules held; reviewing is the super-admin's alone.
		Reviews(ctx context.Context, req *v1.ReviewListReq) (*v1.ReviewListRes, error)
		// ApproveReview lets a held operation through, all of it or (amount) part of it; the rest is
		// unfrozen. A transfer then reaches its recipient in one movement; a withdrawal, shrunk to the
		// approved amount, goes on to its approver as pending.
		ApproveReview(ctx context.Context, req *v1.ReviewApproveReq) (*v1.ReviewApproveRes, error)
		// RejectReview stops a held operation and unfreezes its amount; a held withdrawal is rejected
		// with the reviewer's note as its reason.
		RejectReview(ctx context.Context, req *v1.ReviewRejectReq) (*v1.ReviewRejectRes, error)
		// TransferByName moves quota from the caller to another agent or agent-admin named by
		// username (seed 001 §4.2): the recipient must exist and be enabled, the amount reach the
		// minimum. All or nothing in one transaction; a transfer a risk rule flags is held for review
		// instead, its amount frozen.
		TransferByName(ctx context.Context, req *v1.TransferReq) (*v1.TransferRes, error)
		// Start records the ledger's unit on first boot and refuses to run when the configuration
		// now says otherwise: every stored amount means units of the first boot.
		Start(ctx context.Context) error
		// Withdraw files a withdrawal request and freezes its amount (seed 001 §4.3). Only accounts
		// that hold agents' money withdraw: the super-admin's side is the system account.
		Withdraw(ctx context.Context, req *v1.WithdrawalCreateReq) (*v1.WithdrawalCreateRes, error)
		// ApproveWithdrawal pays out a pending withdrawal (offline, with its payment reference): the
		// frozen amount leaves the account for the system account.
		ApproveWithdrawal(ctx context.Context, req *v1.WithdrawalApproveReq) (*v1.WithdrawalApproveRes, error)
		// RejectWithdrawal refuses a pending withdrawal and unfreezes its amount.
		RejectWithdrawal(ctx context.Context, req *v1.WithdrawalRejectReq) (*v1.WithdrawalRejectRes, error)
		// CancelWithdrawal is the requester taking its own withdrawal back while it waits (pending,
		// or held for review: the review is closed as rejected). Nobody else sees it to cancel: 404.
		CancelWithdrawal(ctx context.Context, req *v1.WithdrawalCancelReq) (*v1.WithdrawalCancelRes, error)
		// Withdrawals lists the withdrawals in the caller's scope: an agent's own, an agent-admin's
		// and its agents', everyone's for the super-admin.
		Withdrawals(ctx context.Context, req *v1.WithdrawalListReq) (*v1.WithdrawalListRes, error)
		// Withdrawal answers one withdrawal in the caller's scope; outside it, 404 as for none.
		Withdrawal(ctx context.Context, req *v1.WithdrawalGetReq) (*v1.WithdrawalGetRes, error)
	}
)

var (
	localQuota IQuota
)

func Quota() IQuota {
	if localQuota == nil {
		panic("implement not found for interface IQuota, forgot register?")
	}
	return localQuota
}

func RegisterQuota(i IQuota) {
	localQuota = i
}
