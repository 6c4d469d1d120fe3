package camel

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/redisx"
	"kami/internal/model/entity"
	"kami/utility/dbx"
	"kami/utility/redislock"
)

// Dispatch timings (camel-oil.md §2).
const (
	dispatchLockTTL  = 3 * time.Second // held only while an account is picked, never across a platform call
	dispatchLockWait = 2 * time.Second // a submit that waited this long goes on without the lock
	orderLockTTL     = 10 * time.Second
	maxAccountsTried = 2
	// noCapacityRetry is Retry-After when some account could take orders again soon.
	noCapacityRetry = 5
)

// locks returns the locker, made on first use: Redis is opened after the services register.
func (s *sCamel) locks() *redislock.Locker {
	if l := s.locker.Load(); l != nil {
		return l
	}
	s.locker.CompareAndSwap(nil, redislock.New(g.Redis()))
	return s.locker.Load()
}

// allocate reserves one slot today on the online account with the fewest orders today, then
// the least recently used. The guarded UPDATE is what keeps every account within its limit;
// the dispatch lock only spares the database the retries of racing submits, so a submit that
// could not get it within dispatchLockWait goes on without it. Redis down is 503.
//
// Only one submit of a node at a time waits for the Redis lock; the others wait in memory on
// the node's gate (within the same dispatchLockWait). Without it, a burst of submits is as many
// lock pollers retrying SET NX every 5–50 ms, a load on the Redis pool that the signature check
// and the order lock need, and the lock sits idle for a poller's backoff after every release;
// with it, the next submit of the node asks as soon as the gate opens. The gate changes no
// order: the lock serialized the nodes anyway.
func (s *sCamel) allocate(ctx context.Context, exclude []int64) (*entity.CamelOilAccount, error) {
	lctx, cancel := context.WithTimeout(ctx, dispatchLockWait)
	defer cancel()
	select {
	case s.gate <- struct{}{}:
		defer func() { <-s.gate }()
		l, err := s.locks().Lock(lctx, redisx.Key("camel_oil", "dispatch"), dispatchLockTTL)
		switch {
		case err == nil:
			defer func() { _ = l.Unlock(context.WithoutCancel(ctx)) }()
		case errors.Is(err, redislock.ErrNotAcquired) && ctx.Err() == nil:
		default:
			return nil, errs.Unavailable.Wrap(err)
		}
	case <-lctx.Done():
		if ctx.Err() != nil {
			return nil, errs.Unavailable.Wrap(ctx.Err())
		}
		// Waited dispatchLockWait on this node's gate: on without the lock, like a submit that
		// waited that long for the lock itself.
	}
	today := s.today()
	for {
		cand, err := pickAccount(ctx, today, exclude)
		if err != nil {
			return nil, err
		}
		if cand == nil {
			return nil, s.noCapacity(ctx)
		}
		acc, err := s.reserve(ctx, cand, today)
		if err != nil || acc != nil {
			return acc, err
		}
		// Another submit took the last slot first (or the account left online): pick again.
	}
}

// pickAccount is the candidate: online with room today, fewest orders today, least recently
// used first (NULL first on SQLite and MySQL alike). nil when none has room.
func pickAccount(ctx context.Context, today string, exclude []int64) (*entity.CamelOilAccount, error) {
	cols := dao.CamelOilAccount.Columns()
	m := dao.CamelOilAccount.Ctx(ctx).Where(cols.Status, StatusOnline).
		Where("("+cols.DailyDate+" <> ? OR "+cols.DailyOrderCount+" < "+cols.DailyLimit+")", today)
	if len(exclude) > 0 {
		m = m.WhereNotIn(cols.Id, exclude)
	}
	var acc *entity.CamelOilAccount
	// today is our own time.DateOnly rendering, never input, so it may sit in the ORDER BY.
	err := m.Order(fmt.Sprintf("CASE WHEN %s = '%s' THEN %s ELSE 0 END", cols.DailyDate, today, cols.DailyOrderCount)).
		OrderAsc(cols.LastUsedAt).OrderAsc(cols.Id).Limit(1).Scan(&acc)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, errs.Unavailable.Wrap(err)
	}
	return acc, nil
}

// reserve takes one slot of the candidate today with the contract's guarded UPDATE; the
// account that reaches its limit moves to paused_daily in the same transaction. nil, nil when
// the guard refused (the account had no room or was not online any more).
//
// A slot that cannot be the account's last today — by the guard itself, not by the candidate's
// read, which may be stale — is one autocommitted UPDATE with no re-read: nothing else has to
// change with it. This is most slots, and the whole step runs under the dispatch lock, so the
// statements saved are throughput of every node (BenchmarkCamel's dispatch phase).
func (s *sCamel) reserve(ctx context.Context, cand *entity.CamelOilAccount, today string) (*entity.CamelOilAccount, error) {
	cols := dao.CamelOilAccount.Columns()
	now := s.now()
	if cand.DailyDate == today && cand.DailyOrderCount+1 < cand.DailyLimit {
		r, err := dao.CamelOilAccount.DB().Exec(ctx, fmt.Sprintf(`UPDATE %s SET %s = %s + 1, %s = ?, %s = %s + 1
WHERE %s = ? AND %s = ? AND %s IS NULL AND %s = ? AND %s + 1 < %s`, dao.CamelOilAccount.Table(),
			cols.DailyOrderCount, cols.DailyOrderCount, cols.LastUsedAt, cols.Version, cols.Version,
			cols.Id, cols.Status, cols.DeletedAt, cols.DailyDate, cols.DailyOrderCount, cols.DailyLimit),
			now, cand.Id, StatusOnline, today)
		if err != nil {
			return nil, errs.Unavailable.Wrap(err)
		}
		if n, err := r.RowsAffected(); err != nil {
			return nil, errs.Unavailable.Wrap(err)
		} else if n == 1 {
			acc := *cand
			acc.DailyOrderCount++ // at least this; others may have taken slots meanwhile
			acc.LastUsedAt = now
			return &acc, nil
		}
		// The read was stale (the slot may be the last one, or the account changed): the
		// transaction decides.
	}
	id := cand.Id
	var acc *entity.CamelOilAccount
	err := dao.CamelOilAccount.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		// Raw SQL, not a map: MySQL evaluates SET left to right, so the count must be computed
		// before daily_date changes.
		r, err := tx.Ctx(ctx).Exec(fmt.Sprintf(`UPDATE %s SET %s = CASE WHEN %s = ? THEN %s + 1 ELSE 1 END, %s = ?, %s = ?, %s = %s + 1
WHERE %s = ? AND %s = ? AND %s IS NULL AND (%s <> ? OR %s < %s)`, dao.CamelOilAccount.Table(),
			cols.DailyOrderCount, cols.DailyDate, cols.DailyOrderCount, cols.DailyDate, cols.LastUsedAt, cols.Version, cols.Version,
			cols.Id, cols.Status, cols.DeletedAt, cols.DailyDate, cols.DailyOrderCount, cols.DailyLimit),
			today, today, now, id, StatusOnline, today)
		if err != nil {
			return err
		}
		if n, err := r.RowsAffected(); err != nil || n != 1 {
			return err
		}
		if err = dao.CamelOilAccount.Ctx(ctx).TX(tx).WherePri(id).Scan(&acc); err != nil {
			return err
		}
		if acc.DailyOrderCount >= acc.DailyLimit {
			ok, err := s.move(ctx, tx, id, StatusOnline, StatusPausedDaily, "daily limit reached", 0, nil)
			if err != nil {
				return err
			}
			if ok {
				acc.Status = StatusPausedDaily
			}
		}
		return nil
	})
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	return acc, nil
}

// giveBack returns a slot the platform did not use: the count goes down only on the same
// daily_date (a slot of yesterday is gone anyway), and an account paused by that slot opens
// again, in tx.
func (s *sCamel) giveBack(ctx context.Context, tx gdb.TX, acc *entity.CamelOilAccount) error {
	cols := dao.CamelOilAccount.Columns()
	r, err := tx.Ctx(ctx).Exec(fmt.Sprintf(`UPDATE %s SET %s = %s - 1, %s = %s + 1 WHERE %s = ? AND %s = ? AND %s > 0`,
		dao.CamelOilAccount.Table(), cols.DailyOrderCount, cols.DailyOrderCount, cols.Version, cols.Version,
		cols.Id, cols.DailyDate, cols.DailyOrderCount), acc.Id, acc.DailyDate)
	if err != nil {
		return err
	}
	if n, _ := r.RowsAffected(); n != 1 {
		return nil
	}
	var cur *entity.CamelOilAccount
	if err = dao.CamelOilAccount.Ctx(ctx).TX(tx).WherePri(acc.Id).Scan(&cur); err != nil || cur == nil {
		return err
	}
	if cur.Status == StatusPausedDaily && cur.DailyDate == s.today() && cur.DailyOrderCount < cur.DailyLimit {
		_, err = s.move(ctx, tx, acc.Id, StatusPausedDaily, StatusOnline, "slot returned", 0, nil)
	}
	return err
}

// noCapacity is the 429: Retry-After is the time to the next 00:00 Asia/Shanghai when every
// usable account is paused for today, else noCapacityRetry.
func (s *sCamel) noCapacity(ctx context.Context) error {
	cols := dao.CamelOilAccount.Columns()
	online, err := dao.CamelOilAccount.Ctx(ctx).Where(cols.Status, StatusOnline).Count()
	if err != nil {
		return errs.Unavailable.Wrap(err)
	}
	paused, err := dao.CamelOilAccount.Ctx(ctx).Where(cols.Status, StatusPausedDaily).Count()
	if err != nil {
		return errs.Unavailable.Wrap(err)
	}
	if online > 0 || paused == 0 {
		return errs.CamelNoCapacity.New(noCapacityRetry)
	}
	now := (*s.clock.Load()).Now().In(shanghai)
	midnight := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, shanghai)
	return errs.CamelNoCapacity.New(max(1, int(midnight.Sub(now).Seconds()+0.999)))
}
