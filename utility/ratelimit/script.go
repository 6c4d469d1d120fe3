package ratelimit

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
// (a check per request) from shipping the source each time; the source is
// only sent when the server has no copy, e.g. after a restart or SCRIPT
// FLUSH, and EVAL caches it there for the next call.
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
// from Redis is ErrUnavailable, so callers choose fail-open or fail-closed on
// one sentinel; the cause stays in the chain for logs and errors.Is.
func unavailable(op, key string, err error) error {
	return fmt.Errorf("ratelimit: %s %q: %w: %w", op, key, ErrUnavailable, err)
}
