package quota

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

// inTx runs fn in a new transaction, or inside the caller's (tx, or the one ctx carries) under
// a savepoint: a failed ledger call then leaves nothing behind in the caller's transaction
// either, even if the caller goes on and commits.
func inTx(ctx context.Context, tx gdb.TX, fn func(ctx context.Context) error) error {
	if tx != nil {
		ctx = gdb.WithTX(ctx, tx)
	}
	return dao.QuotaAccounts.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error { return fn(ctx) })
}

// do is the frame of every ledger call: the account locks, then the transaction, then an
// idempotency replay check, then the movement itself.
func (s *sQuota) do(ctx context.Context, tx gdb.TX, users []int64, fn func(ctx context.Context) error) error {
	return s.Lock(ctx, users, func(ctx context.Context) error { return inTx(ctx, tx, fn) })
}

// doGuarded is do for the operations on one reservation (Reserve, Commit, Release), which the
// relay sends twice per request: inside a caller's transaction it writes no savepoint (two
// statements of the ~ten such a call sends). It needs none because every refusal of these
// calls — a replay, too little quota, a settled reservation — comes before their first write,
// and the first write is the guarded UPDATE that decides; a database error half-way fails the
// caller's transaction, which the caller rolls back by returning the error (as every caller
// does).
func (s *sQuota) doGuarded(ctx context.Context, tx gdb.TX, users []int64, fn func(ctx context.Context) error) error {
	if tx == nil {
		return s.do(ctx, tx, users, fn)
	}
	return s.Lock(ctx, users, func(ctx context.Context) error { return fn(gdb.WithTX(ctx, tx)) })
}

func checkAmount(amount int64) error {
	if amount <= 0 {
		return errs.InvalidInput.Msg("amount must be a positive number of units")
	}
	return nil
}

// run posts mv under the users' locks, unless its idempotency key already did: then it
// answers the first movement.
func (s *sQuota) run(ctx context.Context, tx gdb.TX, users []int64, mv *movement) (movementID int64, err error) {
	err = s.do(ctx, tx, users, func(ctx context.Context) error {
		m, err := replay(ctx, mv.idemKey, mv.fingerprint)
		if err != nil || m != nil {
			if m != nil {
				movementID = m.Id
			}
			return err
		}
		movementID, err = s.post(ctx, mv)
		return err
	})
	return movementID, err
}

// pair is the two legs of amount moving between two accounts' available parts.
func pair(from, to, amount int64) []leg {
	return []leg{
		{user: from, bucket: model.BucketAvailable, amount: -amount, counterparty: to},
		{user: to, bucket: model.BucketAvailable, amount: amount, counterparty: from},
	}
}

// Debit takes in.Amount from the user's available quota (to the system account): a module's
// one-step charge. 409 QUOTA_INSUFFICIENT when the user has less; nothing is written then.
func (s *sQuota) Debit(ctx context.Context, tx gdb.TX, in model.QuotaMove) (movementID int64, err error) {
	if err = checkAmount(in.Amount); err != nil {
		return 0, err
	}
	return s.run(ctx, tx, []int64{in.UserID}, &movement{typ: in.Type, ref: in.Ref, remark: in.Remark, idemKey: in.IdemKey,
		amount: in.Amount, fingerprint: fingerprintOf("debit", in.UserID, in.Amount, in.Type, in.Ref),
		legs: pair(in.UserID, model.SystemAccount, in.Amount)})
}

// Credit adds in.Amount to the user's available quota (from the system account): a system
// recharge, a refund, a top-up paid online.
func (s *sQuota) Credit(ctx context.Context, tx gdb.TX, in model.QuotaMove) (movementID int64, err error) {
	if err = checkAmount(in.Amount); err != nil {
		return 0, err
	}
	return s.run(ctx, tx, []int64{in.UserID}, &movement{typ: in.Type, ref: in.Ref, remark: in.Remark, idemKey: in.IdemKey,
		amount: in.Amount, fingerprint: fingerprintOf("credit", in.UserID, in.Amount, in.Type, in.Ref),
		legs: pair(model.SystemAccount, in.UserID, in.Amount)})
}

// Transfer moves in.Amount from one user's available quota to another's, both accounts locked
// in id order; the sender's guarded debit decides.
func (s *sQuota) Transfer(ctx context.Context, tx gdb.TX, in model.QuotaTransfer) (movementID int64, err error) {
	if err = checkAmount(in.Amount); err != nil {
		return 0, err
	}
	if in.FromUserID == in.ToUserID {
		return 0, errs.InvalidInput.Msg("a transfer needs two different accounts")
	}
	return s.run(ctx, tx, []int64{in.FromUserID, in.ToUserID}, &movement{typ: in.Type, ref: in.Ref, remark: in.Remark,
		idemKey: in.IdemKey, amount: in.Amount,
		fingerprint: fingerprintOf("transfer", in.FromUserID, in.ToUserID, in.Amount, in.Type, in.Ref),
		legs:        pair(in.FromUserID, in.ToUserID, in.Amount)})
}

// Balance is the user's account; a user without one holds nothing.
func (s *sQuota) Balance(ctx context.Context, userID int64) (model.QuotaBalance, error) {
	var a *entity.QuotaAccounts
	err := dao.QuotaAccounts.Ctx(ctx).Where(dao.QuotaAccounts.Columns().UserId, userID).Scan(&a)
	if err != nil && !dbx.IsNoRows(err) {
		return model.QuotaBalance{}, err
	}
	b := model.QuotaBalance{UserID: userID}
	if a != nil {
		b.Available, b.Frozen = a.Available, a.Frozen
	}
	return b, nil
}
