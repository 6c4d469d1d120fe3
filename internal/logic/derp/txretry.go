package derp

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/go-sql-driver/mysql"
)

// txAttempts bounds how often a transaction that lost a race is run again.
const txAttempts = 10

// errPlacementContended: placement placed fewer than 3 containers only because concurrent
// transactions took the slots or ports it had picked from its (possibly stale) snapshot, not
// for want of capacity. A rerun reads a fresh snapshot and usually places all 3.
var errPlacementContended = errors.New("derp: placement lost a race for a server or port")

// lostLockRace reports whether InnoDB rolled the transaction back to break a deadlock (1213) or
// gave up waiting for a lock (1205). Concurrent activations claim servers in the order their own
// ranking gives and insert port slots into the same unique index, so under load two of them can
// wait on each other; the database then aborts one, which is safe to run again from the start.
// SQLite serializes writers at BEGIN and never reports either.
func lostLockRace(err error) bool {
	var my *mysql.MySQLError
	return errors.As(err, &my) && (my.Number == 1213 || my.Number == 1205)
}

type attemptKey struct{}

// finalAttempt is true on retryLockRace's last run and outside retryLockRace altogether: then
// placement settles for what it got (a degraded rental that derp.placement fills later).
func finalAttempt(ctx context.Context) bool {
	last, ok := ctx.Value(attemptKey{}).(bool)
	return !ok || last
}

// retryLockRace runs tx, and runs it again (up to txAttempts in all, after a random pause that grows
// with each attempt, so the survivors do not collide again) while it fails by lostLockRace or a contended
// placement. Everything tx wrote was rolled back with it, so a rerun starts from the same state
// as the first run.
func retryLockRace(ctx context.Context, tx func(ctx context.Context) error) error {
	var err error
	for attempt := 1; ; attempt++ {
		err = tx(context.WithValue(ctx, attemptKey{}, attempt == txAttempts))
		if err == nil || (!lostLockRace(err) && !errors.Is(err, errPlacementContended)) || attempt == txAttempts {
			return err
		}
		// Jittered and growing (to 320 ms) so a convoy on one hot server row spreads out.
		pause := time.Duration(5+rand.IntN(10<<min(attempt, 5))) * time.Millisecond
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause):
		}
	}
}
