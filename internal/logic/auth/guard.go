package auth

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/infra/redisx"
	"kami/utility/redisscript"
)

// Login failure state lives in Redis so every node counts the same failures. Counters expire
// after the failure window; the lock key expires after the lock duration.
//
// Failures are counted against a subject: the account (by id) once the typed name is known to
// mean one, else the canonical name. So every spelling of a name that canonicalizes to an
// account shares its budget and its lock, and a name that matches nobody still has a counter.
type subject string

func accountSubject(id int64) subject      { return subject("u:" + strconv.FormatInt(id, 10)) }
func nameSubject(canonical string) subject { return subject("n:" + canonical) }

// A subject has three keys: its count of wrong passwords, the set of its password checks in
// progress, and its lock. They share a {hash tag}, so the scripts touching all three stay in
// one slot on a Redis Cluster.
func failKey(s subject) string     { return redisx.Key("auth", "fail", "{"+string(s)+"}") }
func checkingKey(s subject) string { return redisx.Key("auth", "checking", "{"+string(s)+"}") }
func lockKey(s subject) string     { return redisx.Key("auth", "lock", "{"+string(s)+"}") }
func failIPKey(ip string) string   { return redisx.Key("auth", "fail", "ip", ip) }

func subjectKeys(s subject) []string { return []string{failKey(s), checkingKey(s), lockKey(s)} }

// checkTTL is how long a reserved check counts as in progress at most: a node that dies between
// reserving and resolving must not take a check out of the budget for longer.
const checkTTL = 30 * time.Second

// reserveScript books a password check before bcrypt runs, so concurrent guesses can never
// check more passwords than the lock allows: checks in progress plus wrong passwords so far stay
// within the limit. It answers {0, ms left} while locked, {2, 0} when the checks in progress
// already fill the budget, else records this check (member ARGV[4]) and answers {1, 0}.
// Checks in progress are not failures: concurrent logins with the right password neither trip
// the captcha nor lock the account.
var reserveScript = redisscript.New(`
local left = redis.call('PTTL', KEYS[3])
if left ~= -2 then return {0, left} end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
local used = tonumber(redis.call('GET', KEYS[1]) or '0') + redis.call('ZCARD', KEYS[2])
if used >= tonumber(ARGV[3]) then return {2, 0} end
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return {1, 0}`)

// failScript resolves a check as a wrong password: it counts the failure and locks the subject
// when the count reaches the limit ({1, n}), or finds it locked meanwhile by another check
// ({1, 0}, not counted again); otherwise {0, n}.
var failScript = redisscript.New(`
redis.call('ZREM', KEYS[2], ARGV[1])
if redis.call('EXISTS', KEYS[3]) == 1 then return {1, 0} end
local n = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if n >= tonumber(ARGV[3]) then
  redis.call('SET', KEYS[3], '1', 'PX', ARGV[4])
  redis.call('DEL', KEYS[1])
  return {1, n}
end
return {0, n}`)

// settleScript resolves a check as the right password: the failure run ends (the rule counts
// consecutive failures).
var settleScript = redisscript.New(`
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('DEL', KEYS[1])
return 1`)

// incrScript counts one failure of an IP and sets its expiry in one step, so a crash between
// INCR and PEXPIRE can never leave a counter that lives forever.
var incrScript = redisscript.New(`
local n = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return n`)

var errUnexpectedReply = errors.New("auth: unexpected reply from a login script")

// check is one reserved password check.
type check struct {
	subject subject
	token   string
	// locked: refused, the subject is locked for left. full: refused, the checks in progress
	// use the rest of the budget; retry in a moment.
	locked, full bool
	left         time.Duration
}

// reserve books one password check for s (see reserveScript).
func (a *sAuth) reserve(ctx context.Context, s subject) (*check, error) {
	c := &check{subject: s, token: randToken()}
	v, err := reserveScript.Run(ctx, g.Redis(), subjectKeys(s),
		a.clock.Now().UnixMilli(), checkTTL.Milliseconds(), currentPolicy().lockAfter, c.token)
	if err != nil {
		return nil, err
	}
	res := v.Int64s()
	if len(res) != 2 {
		return nil, errUnexpectedReply
	}
	switch res[0] {
	case 0:
		c.locked, c.left = true, time.Duration(res[1])*time.Millisecond
		if c.left <= 0 { // no lock without expiry is ever set; say the full duration
			c.left = currentPolicy().lockDuration
		}
	case 2:
		c.full = true
	}
	return c, nil
}

// fail resolves c as a wrong password and reports whether the subject is locked now.
func (c *check) fail(ctx context.Context) (locked bool, err error) {
	a := currentPolicy()
	v, err := failScript.Run(ctx, g.Redis(), subjectKeys(c.subject),
		c.token, a.failureWindow.Milliseconds(), a.lockAfter, a.lockDuration.Milliseconds())
	if err != nil {
		return false, err
	}
	res := v.Int64s()
	if len(res) != 2 {
		return false, errUnexpectedReply
	}
	return res[0] == 1, nil
}

// settle resolves c as the right password. The IP counter stays: one success on an account of
// one's own must not wipe the failures sprayed at other names from the same address.
func (c *check) settle(ctx context.Context) error {
	_, err := settleScript.Run(ctx, g.Redis(), subjectKeys(c.subject), c.token)
	return err
}

// failIP counts a wrong password against the client IP, for the captcha rule.
func failIP(ctx context.Context, ip string) error {
	_, err := incrScript.Run(ctx, g.Redis(), []string{failIPKey(ip)}, currentPolicy().failureWindow.Milliseconds())
	return err
}

// captchaRequired says whether the next attempt on s from ip needs a captcha. Two GETs, not one
// MGET: the keys live in different slots on a cluster.
func captchaRequired(ctx context.Context, s subject, ip string) (bool, error) {
	c := currentPolicy()
	// The per-IP threshold is its own, higher one: behind a proxy that forwards no client
	// address a whole office shares one IP, and one person's typos must not put everyone else
	// in front of a captcha the stock Vben form cannot even show.
	for key, n := range map[string]int{failKey(s): c.captchaAfter, failIPKey(ip): c.captchaAfterIP} {
		v, err := g.Redis().Do(ctx, "GET", key)
		if err != nil {
			return false, err
		}
		if n > 0 && v.Int() >= n {
			return true, nil
		}
	}
	return false, nil
}

// lockRemaining is how long s stays locked; zero when it is not locked. It spares a locked
// account the captcha and the bcrypt queue; reserve decides for real.
func lockRemaining(ctx context.Context, s subject) (time.Duration, error) {
	v, err := g.Redis().Do(ctx, "PTTL", lockKey(s))
	if err != nil {
		return 0, err
	}
	if ms := v.Int64(); ms > 0 {
		return time.Duration(ms) * time.Millisecond, nil
	}
	return 0, nil
}

func randToken() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
