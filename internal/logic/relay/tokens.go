package relay

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"math/big"
	"strings"
	"time"

	"github.com/gogf/gf/v2/os/gcache"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/model/entity"
)

const (
	tokenPurpose  = "relay/token"
	keyAlphabet   = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	keyLength     = 48
	tokenCacheTTL = 60 * time.Second
	negativeTTL   = 30 * time.Second
)

// NewTokenKey returns a fresh relay key "sk-" + 48 characters from crypto/rand, its keyed hash
// (what the database stores) and its display hint.
func NewTokenKey() (key, hash, hint string, err error) {
	var b strings.Builder
	b.WriteString("sk-")
	n := big.NewInt(int64(len(keyAlphabet)))
	for range keyLength {
		i, err := rand.Int(rand.Reader, n)
		if err != nil {
			return "", "", "", err
		}
		b.WriteByte(keyAlphabet[i.Int64()])
	}
	key = b.String()
	return key, HashTokenKey(key), TokenHint(key), nil
}

// HashTokenKey is the stored form of a key: HMAC-SHA256 under the relay/token subkey.
func HashTokenKey(key string) string { return keyring.LookupHash(tokenPurpose, key) }

// TokenHint shows the first and last four characters: sk-AbCd…wxyz.
func TokenHint(key string) string {
	if len(key) < 11 {
		return "sk-…"
	}
	return key[:7] + "…" + key[len(key)-4:]
}

// validKeyShape reports whether s looks like a relay key before any lookup.
func validKeyShape(s string) bool {
	if len(s) != 3+keyLength || !strings.HasPrefix(s, "sk-") {
		return false
	}
	for i := 3; i < len(s); i++ {
		if !strings.ContainsRune(keyAlphabet, rune(s[i])) {
			return false
		}
	}
	return true
}

// token is what admission needs of a relay_tokens row and its owner.
type token struct {
	ID            int64
	UserID        int64
	Name          string
	Status        int
	ExpiresAt     time.Time // zero: never
	QuotaLimit    int64
	UsedQuota     int64
	AllowedModels map[string]bool // empty: all
	AllowedIPs    []string
	RPMLimit      int
	UserEnabled   bool
	Group         string
}

// tokenCache is the node's L1 of tokens by key hash, with negative entries for unknown keys.
type tokenCache struct{ c *gcache.Cache }

func newTokenCache() *tokenCache { return &tokenCache{c: gcache.New(100000)} }

func (t *tokenCache) clear(ctx context.Context) { _ = t.c.Clear(ctx) }

// lookupToken finds a token by key hash: L1 first, then the database (a nil token = unknown).
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
	var row *entity.RelayTokens
	if err := dao.RelayTokens.Ctx(ctx).Where(dao.RelayTokens.Columns().KeyHash, hash).
		WhereNull(dao.RelayTokens.Columns().DeletedAt).Scan(&row); err != nil {
		return nil, err
	}
	if row == nil {
		_ = s.tokens.c.Set(ctx, hash, false, negativeTTL)
		return nil, nil
	}
	tk, err := loadToken(ctx, row)
	if err != nil {
		return nil, err
	}
	_ = s.tokens.c.Set(ctx, hash, tk, tokenCacheTTL)
	return tk, nil
}

func loadToken(ctx context.Context, row *entity.RelayTokens) (*token, error) {
	tk := &token{ID: row.Id, UserID: row.UserId, Name: row.Name, Status: row.Status, QuotaLimit: row.QuotaLimit,
		UsedQuota: row.UsedQuota, RPMLimit: row.RpmLimit, AllowedModels: map[string]bool{}, Group: "default"}
	if row.ExpiresAt != nil {
		tk.ExpiresAt = row.ExpiresAt.Time
	}
	var models []string
	_ = json.Unmarshal([]byte(row.AllowedModels), &models)
	for _, m := range models {
		tk.AllowedModels[m] = true
	}
	_ = json.Unmarshal([]byte(row.AllowedIps), &tk.AllowedIPs)
	var user *entity.Users
	if err := dao.Users.Ctx(ctx).WherePri(row.UserId).Scan(&user); err != nil {
		return nil, err
	}
	tk.UserEnabled = user != nil && user.Status == consts.StatusEnabled
	g, err := dao.RelayUserGroups.Ctx(ctx).Where(dao.RelayUserGroups.Columns().UserId, row.UserId).
		Value(dao.RelayUserGroups.Columns().GroupCode)
	if err != nil {
		return nil, err
	}
	if !g.IsEmpty() {
		tk.Group = g.String()
	}
	return tk, nil
}
