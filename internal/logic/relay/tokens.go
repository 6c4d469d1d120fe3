package relay

import (
	"crypto/rand"
	"math/big"
	"strings"
	"time"

	"kami/internal/infra/keyring"
)

const (
	tokenPurpose = "relay/token"
	keyAlphabet  = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	keyLength    = 48
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
