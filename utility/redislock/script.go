package redislock

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/gogf/gf/v2/container/gvar"
	"github.com/gogf/gf/v2/database/gredis"
)

// script is a Lua script sent by digest first. EVALSHA keeps the hot path
// (every Refresh of every renewal loop) from shipping the source each time;
// the source is only sent when the server has no copy, e.g. after a restart
// or SCRIPT FLUSH, and EVAL caches it there for the next call.
type script struct {
	src string
	sha string
}

func newScript(src string) *script {
	sum := sha1.Sum([]byte(src))
	return &script{src: src, sha: hex.EncodeToString(sum[:])}
}

func (s *script) run(ctx context.Context, r *gredis.Redis, keys []string, args ...any) (*gvar.Var, error) {
	g := r.GroupScript()
	v, err := g.EvalSha(ctx, s.sha, int64(len(keys)), keys, args)
	if err != nil && isNoScript(err) {
		v, err = g.Eval(ctx, s.src, int64(len(keys)), keys, args)
	}
	return v, err
}

// isNoScript looks for the server's NOSCRIPT reply through gredis' wrapping.
// go-redis marks server replies with a RedisError method, which lets us tell
// "the server answered NOSCRIPT" from a network error whose text happens to
// contain the word.
func isNoScript(err error) bool {
	var re interface {
		error
		RedisError()
	}
	return errors.As(err, &re) && strings.HasPrefix(re.Error(), "NOSCRIPT")
}

// unavailable classifies a failed round trip. Every failure to get an answer
// from Redis is ErrUnavailable, so callers can fail closed on one sentinel;
// the cause stays in the chain for logs and for errors.Is on net errors.
func unavailable(op, key string, err error) error {
	return fmt.Errorf("redislock: %s %q: %w: %w", op, key, ErrUnavailable, err)
}

// acquireFailed is the error of an acquisition cut short by ctx. It is both
// ErrNotAcquired (we do not hold the lock, which is what callers branch on)
// and the context error (so deadline handling keeps working).
func acquireFailed(key string, ctxErr error) error {
	return fmt.Errorf("redislock: lock %q: %w: %w", key, ErrNotAcquired, ctxErr)
}
