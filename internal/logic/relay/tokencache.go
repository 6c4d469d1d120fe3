package relay

import (
	"context"
	"encoding/json"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gcache"
	"golang.org/x/sync/singleflight"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model/entity"
)

// The token and user caches (relay.md §6): L1 in this node's memory (60 s, negative entries
// 30 s), L2 in Redis (10 min) shared by the nodes, the database on a miss, one load per key
// per node at a time. An L2 hit serves with the database down.
const (
	tokenCacheTTL = 60 * time.Second
	negativeTTL   = 30 * time.Second
	l2TTL         = 10 * time.Minute
)

// cachedToken is what L2 holds of a relay_tokens row (never the key, only its hash as the name).
type cachedToken struct {
	ID            int64    `json:"id"`
	UserID        int64    `json:"userId"`
	Name          string   `json:"name"`
	Status        int      `json:"status"`
	ExpiresAt     int64    `json:"expiresAt"` // unix ms, 0: never
	QuotaLimit    int64    `json:"quotaLimit"`
	UsedQuota     int64    `json:"usedQuota"`
	AllowedModels []string `json:"allowedModels"`
	AllowedIPs    []string `json:"allowedIps"`
	RPMLimit      int      `json:"rpmLimit"`
}

// userState is what admission needs of the token's owner.
type userState struct {
	Enabled bool   `json:"enabled"`
	Group   string `json:"group"`
}

// tokenCache holds the composed tokens by key hash and the owners by id. epoch counts this
// node's invalidations: a load that started before one answers its request but is not kept.
type tokenCache struct {
	c     *gcache.Cache
	users *gcache.Cache
	epoch atomic.Uint64
	sf    singleflight.Group
}

func newTokenCache() *tokenCache {
	return &tokenCache{c: gcache.New(100000), users: gcache.New(100000)}
}

func (t *tokenCache) clear(ctx context.Context) {
	t.epoch.Add(1)
	_ = t.c.Clear(ctx)
	_ = t.users.Clear(ctx)
}

func (t *tokenCache) drop(ctx context.Context, hashes ...string) {
	t.epoch.Add(1)
	keys := make([]any, len(hashes))
	for i, h := range hashes {
		keys[i] = h
	}
	if len(keys) == 0 {
		_ = t.c.Clear(ctx)
		return
	}
	_, _ = t.c.Remove(ctx, keys...)
}

// dropUser forgets the user and every composed token (which of them are the user's is not
// indexed; user changes are rare).
func (t *tokenCache) dropUser(ctx context.Context, userID int64) {
	t.epoch.Add(1)
	_, _ = t.users.Remove(ctx, userID)
	_ = t.c.Clear(ctx)
}

// lookupToken finds a token by key hash (a nil token = unknown).
func (s *sRelay) lookupToken(ctx context.Context, hash string) (*token, error) {
	if v, err := s.tokens.c.Get(ctx, hash); err == nil && v != nil {
		if tk, ok := v.Val().(*token); ok {
			cacheResult("l1", "hit")
			return tk, nil
		}
		cacheResult("l1", "negative")
		return nil, nil // a negative entry
	}
	cacheResult("l1", "miss")
	epoch := s.tokens.epoch.Load()
	v, err, _ := s.tokens.sf.Do("t:"+hash, func() (any, error) {
		return s.loadTokenRow(context.WithoutCancel(ctx), hash, epoch)
	})
	if err != nil {
		return nil, err
	}
	row, _ := v.(*cachedToken)
	if row == nil {
		if s.tokens.epoch.Load() == epoch {
			_ = s.tokens.c.Set(ctx, hash, false, negativeTTL)
		}
		return nil, nil
	}
	us, err := s.lookupUser(ctx, row.UserID)
	if err != nil {
		return nil, err
	}
	tk := composeToken(row, us)
	if s.tokens.epoch.Load() == epoch {
		_ = s.tokens.c.Set(ctx, hash, tk, tokenCacheTTL)
	}
	return tk, nil
}

func composeToken(row *cachedToken, us *userState) *token {
	tk := &token{ID: row.ID, UserID: row.UserID, Name: row.Name, Status: row.Status, QuotaLimit: row.QuotaLimit,
		UsedQuota: row.UsedQuota, RPMLimit: row.RPMLimit, AllowedModels: map[string]bool{}, AllowedIPs: row.AllowedIPs,
		UserEnabled: us.Enabled, Group: us.Group}
	if row.ExpiresAt != 0 {
		tk.ExpiresAt = time.UnixMilli(row.ExpiresAt)
	}
	for _, m := range row.AllowedModels {
		tk.AllowedModels[m] = true
	}
	return tk
}

// loadTokenRow reads L2, else the database (filling L2). A fill that raced an invalidation
// (this node heard of one since epoch) is deleted again, so a stale row cannot stay in L2
// for its TTL; the receivers of the message delete it too (inval.go).
func (s *sRelay) loadTokenRow(ctx context.Context, hash string, epoch uint64) (*cachedToken, error) {
	key := tokenL2Key(hash)
	if v, err := g.Redis().Do(ctx, "GET", key); err == nil && !v.IsNil() {
		var row cachedToken
		if json.Unmarshal(v.Bytes(), &row) == nil && row.ID != 0 {
			cacheResult("l2", "hit")
			return &row, nil
		}
	}
	cacheResult("l2", "miss")
	var e *entity.RelayTokens
	if err := dao.RelayTokens.Ctx(ctx).Where(dao.RelayTokens.Columns().KeyHash, hash).
		WhereNull(dao.RelayTokens.Columns().DeletedAt).Scan(&e); err != nil {
		return nil, err
	}
	if e == nil {
		return nil, nil
	}
	row := &cachedToken{ID: e.Id, UserID: e.UserId, Name: e.Name, Status: e.Status, QuotaLimit: e.QuotaLimit,
		UsedQuota: e.UsedQuota, RPMLimit: e.RpmLimit}
	if e.ExpiresAt != nil {
		row.ExpiresAt = e.ExpiresAt.UnixMilli()
	}
	_ = json.Unmarshal([]byte(e.AllowedModels), &row.AllowedModels)
	_ = json.Unmarshal([]byte(e.AllowedIps), &row.AllowedIPs)
	fillL2(ctx, key, row, func() bool { return s.tokens.epoch.Load() == epoch })
	return row, nil
}

// lookupUser answers the owner's status and group: L1, L2, then the database.
func (s *sRelay) lookupUser(ctx context.Context, userID int64) (*userState, error) {
	if v, err := s.tokens.users.Get(ctx, userID); err == nil && v != nil {
		if us, ok := v.Val().(*userState); ok {
			return us, nil
		}
	}
	epoch := s.tokens.epoch.Load()
	v, err, _ := s.tokens.sf.Do("u:"+strconv.FormatInt(userID, 10), func() (any, error) {
		return s.loadUser(context.WithoutCancel(ctx), userID, epoch)
	})
	if err != nil {
		return nil, err
	}
	us := v.(*userState)
	if s.tokens.epoch.Load() == epoch {
		_ = s.tokens.users.Set(ctx, userID, us, tokenCacheTTL)
	}
	return us, nil
}

func (s *sRelay) loadUser(ctx context.Context, userID int64, epoch uint64) (*userState, error) {
	key := userL2Key(userID)
	if v, err := g.Redis().Do(ctx, "GET", key); err == nil && !v.IsNil() {
		var us userState
		if json.Unmarshal(v.Bytes(), &us) == nil && us.Group != "" {
			return &us, nil
		}
	}
	var user *entity.Users
	if err := dao.Users.Ctx(ctx).WherePri(userID).Scan(&user); err != nil {
		return nil, err
	}
	us := &userState{Enabled: user != nil && user.Status == consts.StatusEnabled, Group: "default"}
	grp, err := dao.RelayUserGroups.Ctx(ctx).Where(dao.RelayUserGroups.Columns().UserId, userID).
		Value(dao.RelayUserGroups.Columns().GroupCode)
	if err != nil {
		return nil, err
	}
	if !grp.IsEmpty() {
		us.Group = grp.String()
	}
	fillL2(ctx, key, us, func() bool { return s.tokens.epoch.Load() == epoch })
	return us, nil
}

// fillL2 stores v under key for l2TTL and takes it back if still() turns false meanwhile.
func fillL2(ctx context.Context, key string, v any, still func() bool) {
	raw, err := json.Marshal(v)
	if err != nil {
		return
	}
	if _, err = g.Redis().Do(ctx, "SET", key, raw, "PX", l2TTL.Milliseconds()); err == nil && !still() {
		_, _ = g.Redis().Do(ctx, "DEL", key)
	}
}
