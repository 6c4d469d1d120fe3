package auth

import (
	"context"
	"math"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"golang.org/x/sync/semaphore"

	"kami/internal/config"
	"kami/internal/errs"
)

// bcrypt is deliberately slow: unbounded, a burst of logins runs hundreds of hashes at once,
// starves every other goroutine of CPU (Redis dials then time out) and answers nobody in time.
// A weighted semaphore lets kami.auth.bcryptConcurrency checks run at once; the others queue for
// at most kami.auth.bcryptWait and are then refused with 503 SERVER_BUSY and Retry-After. 503,
// not 429: the server is short of capacity, the client did nothing wrong, and a 429 would read
// as that client being throttled.

// defaultBcryptWait applies when the config leaves the wait out.
const defaultBcryptWait = 5 * time.Second

// gate is a semaphore of a given size; it is replaced when the configured size changes.
type gate struct {
	size int64
	sem  *semaphore.Weighted
}

var (
	gateMu  sync.Mutex
	current *gate
)

// bcryptGate is the gate for the configured concurrency (0 means one per CPU).
func bcryptGate(c config.Auth) *gate {
	size := int64(c.BcryptConcurrency)
	if size <= 0 {
		size = int64(runtime.GOMAXPROCS(0))
	}
	gateMu.Lock()
	defer gateMu.Unlock()
	if current == nil || current.size != size {
		// Holders of the old gate release into it; for a moment both admit, which only a
		// configuration change can cause.
		current = &gate{size: size, sem: semaphore.NewWeighted(size)}
	}
	return current
}

// acquireBcrypt waits for a hashing slot and returns its release; past the configured wait it
// answers SERVER_BUSY with a Retry-After header.
func (s *sAuth) acquireBcrypt(ctx context.Context) (release func(), err error) {
	c := s.cfg().Auth
	gt := bcryptGate(c)
	wait := c.BcryptWait
	if wait <= 0 {
		wait = defaultBcryptWait
	}
	wctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	if err = gt.sem.Acquire(wctx, 1); err != nil {
		if ctx.Err() != nil { // the client went away: nothing to answer
			return nil, ctx.Err()
		}
		return nil, busy(ctx, wait)
	}
	var once sync.Once
	return func() { once.Do(func() { gt.sem.Release(1) }) }, nil
}

// busy is the refusal: retry after about as long as the queue was allowed to take.
func busy(ctx context.Context, wait time.Duration) error {
	secs := int(math.Max(1, math.Ceil(wait.Seconds())))
	if r := g.RequestFromCtx(ctx); r != nil {
		r.Response.Header().Set("Retry-After", strconv.Itoa(secs))
	}
	return errs.ServerBusy.New(secs)
}
