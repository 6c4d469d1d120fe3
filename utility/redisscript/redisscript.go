// Package redisscript runs Lua scripts by digest first. EVALSHA keeps hot paths (a rate check
// per request, every lock renewal) from shipping the source each time; the source is sent only
// when the server has no copy (after a restart or SCRIPT FLUSH), and EVAL caches it again.
package redisscript

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"strings"

	"github.com/gogf/gf/v2/container/gvar"
	"github.com/gogf/gf/v2/database/gredis"
)

// Script is one Lua script and its digest.
type Script struct {
	src string
	sha string
}

func New(src string) *Script {
	sum := sha1.Sum([]byte(src))
	return &Script{src: src, sha: hex.EncodeToString(sum[:])}
}

// Run evaluates the script on r with keys and args.
func (s *Script) Run(ctx context.Context, r *gredis.Redis, keys []string, args ...any) (*gvar.Var, error) {
	g := r.GroupScript()
	v, err := g.EvalSha(ctx, s.sha, int64(len(keys)), keys, args)
	if err != nil && isNoScript(err) {
		v, err = g.Eval(ctx, s.src, int64(len(keys)), keys, args)
	}
	return v, err
}

// isNoScript looks for the server's NOSCRIPT reply through gredis' wrapping. go-redis marks
// server replies with a RedisError method, which tells "the server answered NOSCRIPT" from a
// network error whose text happens to contain the word.
func isNoScript(err error) bool {
	var re interface {
		error
		RedisError()
	}
	return errors.As(err, &re) && strings.HasPrefix(re.Error(), "NOSCRIPT")
}
