package quota

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"time"

	"kami/internal/errs"
	"kami/internal/infra/redisx"
	"kami/internal/model"
	"kami/utility/redislock"
)

const (
	// lockTTL is renewed while the holder works; it only matters when a node dies holding it.
	lockTTL = 10 * time.Second
	// lockWait bounds how long an operation queues behind others on a hot account before it
	// answers 503 SERVER_BUSY (nothing written) instead of hanging the client.
	lockWait = 10 * time.Second
)

type heldKey struct{}

// held is the set of account locks ctx's caller holds, so an operation run inside Lock does
// not take them again.
func held(ctx context.Context) []int64 {
	ids, _ := ctx.Value(heldKey{}).([]int64)
	return ids
}

// holds reports whether ctx's caller already holds the locks of every user (the system
// account needs none): what it read under them cannot change until it lets go.
func holds(ctx context.Context, users ...int64) bool {
	have := held(ctx)
	for _, id := range users {
		if id != model.SystemAccount && !slices.Contains(have, id) {
			return false
		}
	}
	return true
}

// Lock runs fn holding the account locks of userIDs, taken in ascending id order so two
// operations on the same pair can never wait on each other. A module that writes its own rows
// and moves quota in one transaction takes the locks first, then opens the transaction, and the
// ledger calls inside it find the locks held. The system account needs no lock.
func (s *sQuota) Lock(ctx context.Context, userIDs []int64, fn func(ctx context.Context) error) error {
	have := held(ctx)
	var need []int64
	for _, id := range userIDs {
		if id != model.SystemAccount && !slices.Contains(have, id) && !slices.Contains(need, id) {
			need = append(need, id)
		}
	}
	if len(need) == 0 {
		return fn(ctx)
	}
	slices.Sort(need)
	all := append(slices.Clone(have), need...)
	return s.lockEach(ctx, need, func(ctx context.Context) error {
		return fn(context.WithValue(ctx, heldKey{}, all))
	})
}

func (s *sQuota) lockEach(ctx context.Context, ids []int64, fn func(ctx context.Context) error) error {
	if len(ids) == 0 {
		return fn(ctx)
	}
	wctx, cancel := context.WithTimeout(ctx, lockWait)
	l, err := s.locks().Lock(wctx, redisx.Key("lock", "quota", strconv.FormatInt(ids[0], 10)), lockTTL)
	cancel()
	if err != nil {
		return lockErr(err)
	}
	defer func() {
		uctx, ucancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
		defer ucancel()
		_ = l.Unlock(uctx) // a failed unlock only delays the next holder by the ttl
	}()
	return s.lockEach(ctx, ids[1:], fn)
}

// lockErr maps a lock failure to what the client sees: Redis unreachable is 503 UNAVAILABLE,
// a queue too long is 503 SERVER_BUSY; in both cases nothing was written.
func lockErr(err error) error {
	switch {
	case errors.Is(err, redislock.ErrUnavailable):
		return errs.Unavailable.Wrap(err)
	case errors.Is(err, redislock.ErrNotAcquired), errors.Is(err, context.DeadlineExceeded):
		return errs.ServerBusy.Wrap(err, 1) // "try again in 1 second": the queue moves in milliseconds
	}
	return err
}
