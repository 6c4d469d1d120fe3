package auth

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/config"
	"kami/internal/infra"
	"kami/utility/redisscript"
)

// Login failure state lives in Redis so every node counts the same failures. Counters expire
// after the failure window; the lock key expires after the lock duration.

func failUserKey(username string) string { return infra.Key("auth", "fail", "u", username) }
func failIPKey(ip string) string         { return infra.Key("auth", "fail", "ip", ip) }
func lockKey(username string) string     { return infra.Key("auth", "lock", username) }

// incrScript increments both counters and sets their expiry in one round trip, atomically, so a
// crash between INCR and PEXPIRE can never leave a counter that lives forever.
var incrScript = redisscript.New(`
local u = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
local ip = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return {u, ip}`)

// failures returns the consecutive failure counts for the username and the IP.
func failures(ctx context.Context, username, ip string) (user, byIP int, err error) {
	v, err := g.Redis().Do(ctx, "MGET", failUserKey(username), failIPKey(ip))
	if err != nil {
		return 0, 0, err
	}
	vals := v.Ints()
	if len(vals) == 2 {
		user, byIP = vals[0], vals[1]
	}
	return user, byIP, nil
}

func captchaRequired(ctx context.Context, username, ip string) (bool, error) {
	u, i, err := failures(ctx, username, ip)
	if err != nil {
		return false, err
	}
	n := config.Get().Auth.CaptchaAfterFailures
	return u >= n || i >= n, nil
}

// recordFailure counts one failure and locks the username when it reaches the limit.
// It returns whether the account is now locked.
func recordFailure(ctx context.Context, username, ip string) (bool, error) {
	c := config.Get().Auth
	v, err := incrScript.Run(ctx, g.Redis(), []string{failUserKey(username), failIPKey(ip)}, c.FailureWindow.Milliseconds())
	if err != nil {
		return false, err
	}
	counts := v.Ints()
	if len(counts) > 0 && counts[0] >= c.LockAfterFailures {
		if _, err = g.Redis().Do(ctx, "SET", lockKey(username), "1", "PX", c.LockDuration.Milliseconds()); err != nil {
			return false, err
		}
		_, err = g.Redis().Do(ctx, "DEL", failUserKey(username))
		return true, err
	}
	return false, nil
}

// lockRemaining is how long the username stays locked; zero when it is not locked.
func lockRemaining(ctx context.Context, username string) (time.Duration, error) {
	v, err := g.Redis().Do(ctx, "PTTL", lockKey(username))
	if err != nil {
		return 0, err
	}
	if ms := v.Int64(); ms > 0 {
		return time.Duration(ms) * time.Millisecond, nil
	}
	return 0, nil
}

// clearFailures resets both counters after a success: the rule counts consecutive failures.
func clearFailures(ctx context.Context, username, ip string) error {
	_, err := g.Redis().Do(ctx, "DEL", failUserKey(username), failIPKey(ip))
	return err
}
