package quota

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/utility/dbx"
)

// leg is one entry of a movement: amount (signed) into one bucket of one account.
type leg struct {
	user         int64
	bucket       string
	amount       int64
	counterparty int64
}

// movement is one operation: its legs sum to zero.
type movement struct {
	typ, ref, remark, idemKey string
	amount                    int64 // the headline amount, for lists
	result                    int64 // what a replay answers (a reservation id, a collected amount)
	legs                      []leg
	fingerprint               string
}

// fingerprintOf names "the same request" for an idempotency key: a retry with other values
// is refused rather than answered with the first one's result.
func fingerprintOf(parts ...any) string {
	sum := sha256.Sum256([]byte(fmt.Sprint(parts...)))
	return hex.EncodeToString(sum[:])
}

// replay looks up the movement an idempotency key already made: found with the same
// fingerprint, it is the answer; with another, 409 IDEMPOTENCY_MISMATCH.
func replay(ctx context.Context, key, fingerprint string) (*entity.QuotaMovements, error) {
	if key == "" {
		return nil, nil
	}
	r, err := ledgerSQL().One(ctx, sqlReplay, key)
	if err != nil || r.IsEmpty() {
		return nil, err
	}
	m := &entity.QuotaMovements{Id: r[mvCols.Id].Int64(), Fingerprint: r[mvCols.Fingerprint].String(),
		Result: r[mvCols.Result].Int64()}
	if m.Fingerprint != fingerprint {
		return nil, errs.IdempotencyMismatch.New()
	}
	return m, nil
}

// post writes mv: the guarded balance updates (one per account, in id order), the movement
// row and the entries with the balances after them. It runs inside the caller's
// transaction with the accounts' locks held; an account short of quota fails the whole
// movement with 409 QUOTA_INSUFFICIENT before anything of it is visible.
func (s *sQuota) post(ctx context.Context, mv *movement) (int64, error) {
	now := s.now()
	after, err := s.apply(ctx, mv.legs, now)
	if err != nil {
		return 0, err
	}
	return s.record(ctx, mv, after, now)
}

// record writes mv's movement row and its entries, after apply has made its balance updates
// (a reservation's row goes in between: the movement answers its id).
func (s *sQuota) record(ctx context.Context, mv *movement, after func(leg) int64, now time.Time) (int64, error) {
	var operator int64
	if p := principal.From(ctx); p != nil {
		operator = p.UserID
	}
	idem := nullable(mv.idemKey)
	id, err := ledgerSQL().Insert(ctx, sqlInsertMovement, idem, mv.fingerprint, mv.typ, mv.ref, operator,
		mv.amount, mv.result, now)
	if err != nil {
		if dbx.IsUniqueViolation(err) {
			// Only a caller that skipped the account locks can race its own key here.
			return 0, errs.IdempotencyInProgress.Wrap(err)
		}
		return 0, err
	}
	args := make([]any, 0, len(mv.legs)*len(entryCols))
	for _, l := range mv.legs {
		args = append(args, id, l.user, l.bucket, l.amount, after(l), mv.typ, l.counterparty, operator,
			mv.ref, mv.remark, idem, now)
	}
	if _, err = ledgerSQL().Exec(ctx, dbx.InsertSQL(dao.QuotaEntries.Table(), len(mv.legs), entryCols...), args...); err != nil {
		return 0, err
	}
	return id, nil
}

func balanced(legs []leg) error {
	var sum int64
	for _, l := range legs {
		sum += l.amount
	}
	if sum != 0 || len(legs) < 2 {
		return fmt.Errorf("quota: unbalanced movement %+v", legs) // a programming error: never reaches a client as such
	}
	return nil
}

type delta struct{ available, frozen int64 }

// apply updates each user account once by the sum of its legs, guarded so neither part goes
// below zero, and returns a function giving each leg the balance of its bucket after it.
func (s *sQuota) apply(ctx context.Context, legs []leg, now time.Time) (func(leg) int64, error) {
	if err := balanced(legs); err != nil {
		return nil, err
	}
	deltas := map[int64]*delta{}
	var users []int64
	for _, l := range legs {
		if l.user == model.SystemAccount {
			continue
		}
		d := deltas[l.user]
		if d == nil {
			d = &delta{}
			deltas[l.user] = d
			users = append(users, l.user)
		}
		if l.bucket == model.BucketFrozen {
			d.frozen += l.amount
		} else {
			d.available += l.amount
		}
	}
	slices.Sort(users)
	for _, u := range users {
		if err := updateAccount(ctx, u, deltas[u], now, true); err != nil {
			return nil, err
		}
	}
	final := map[int64]entity.QuotaAccounts{}
	if len(users) > 0 {
		var err error
		if final, err = accountsOf(ctx, users); err != nil {
			return nil, err
		}
	}
	// Each leg's balance is the bucket's starting value plus the legs up to it.
	start := map[string]int64{}
	for _, l := range legs {
		if l.user == model.SystemAccount {
			continue
		}
		k := fmt.Sprint(l.user, l.bucket)
		if _, ok := start[k]; !ok {
			start[k] = bucketOf(final[l.user], l.bucket)
		}
		start[k] -= l.amount
	}
	return func(l leg) int64 {
		if l.user == model.SystemAccount {
			return 0 // the system account has no balance row; its position is the sum of its entries
		}
		k := fmt.Sprint(l.user, l.bucket)
		start[k] += l.amount
		return start[k]
	}, nil
}

func bucketOf(a entity.QuotaAccounts, bucket string) int64 {
	if bucket == model.BucketFrozen {
		return a.Frozen
	}
	return a.Available
}

// updateAccount adds d to the user's account. The WHERE clause is the guard: a debit larger
// than what is there matches no row, whatever any lock said.
func updateAccount(ctx context.Context, user int64, d *delta, now time.Time, open bool) error {
	n, err := ledgerSQL().Affected(ctx, sqlUpdateAccount, d.available, d.frozen, now, user,
		lowerBound(d.available), lowerBound(d.frozen))
	if err != nil {
		return err
	}
	if n == 1 {
		return nil
	}
	if open && d.available >= 0 && d.frozen >= 0 {
		// A credit to a user without an account row yet (created before the ledger, or by a
		// path that does not open one): open it, then credit.
		if _, err = dao.QuotaAccounts.Ctx(ctx).Data(do.QuotaAccounts{UserId: user, Available: 0, Frozen: 0,
			UpdatedAt: gtime.NewFromTime(now)}).InsertIgnore(); err != nil {
			return err
		}
		return updateAccount(ctx, user, d, now, false)
	}
	if d.available < 0 {
		return errs.QuotaInsufficient.New()
	}
	return errs.Internal.Wrap(fmt.Errorf("quota: account %d: frozen part short of %d", user, -d.frozen))
}
