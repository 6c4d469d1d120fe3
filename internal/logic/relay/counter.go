package relay

import (
	"context"
	"strconv"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/infra/redisx"
	"kami/utility/redisscript"
)

// The token's quota counter (relay.md §3): used and held in one hash slot, checked and held in
// one Lua call, so parallel requests on one token can never together pass its quotaLimit.
// used is seeded from the row's used_quota when Redis has none.
var holdScript = redisscript.New(`
local used = redis.call('GET', KEYS[1])
if not used then
  used = ARGV[3]
  redis.call('SET', KEYS[1], used)
end
local held = tonumber(redis.call('GET', KEYS[2]) or '0')
local limit = tonumber(ARGV[2])
local pre = tonumber(ARGV[1])
if limit > 0 and tonumber(used) + held + pre > limit then
  return 0
end
redis.call('INCRBY', KEYS[2], pre)
return 1
`)

// settleScript moves a request from held to used.
var settleScript = redisscript.New(`
redis.call('DECRBY', KEYS[2], ARGV[1])
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('INCRBY', KEYS[1], ARGV[2])
end
return 1
`)

func counterKeys(tokenID int64) []string {
	tag := "{" + strconv.FormatInt(tokenID, 10) + "}"
	return []string{redisx.Key("relay", "tc", tag, "used"), redisx.Key("relay", "tc", tag, "held")}
}

// hold takes pre of the token's limit; false when the limit would be passed.
func hold(ctx context.Context, tk *token, pre int64) (bool, error) {
	v, err := holdScript.Run(ctx, g.Redis(), counterKeys(tk.ID), pre, tk.QuotaLimit, tk.UsedQuota)
	if err != nil {
		return false, err
	}
	return v.Int() == 1, nil
}

// unhold gives pre back and counts quota as used.
func unhold(ctx context.Context, tokenID, pre, quota int64) error {
	_, err := settleScript.Run(ctx, g.Redis(), counterKeys(tokenID), pre, quota)
	return err
}
