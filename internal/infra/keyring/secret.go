package keyring

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/gogf/gf/v2/errors/gerror"

	"kami/internal/config"
)

var (
	secretMu sync.RWMutex
	master   []byte
)

// Load takes the master key from c.SecretKey (KAMI_SECRET_KEY: base64 or hex, 32+ bytes). On
// the embedded default an unset key is generated once into the data dir and reused; on MySQL it
// is required, because nodes sharing a database must share the key that signs their tokens.
func Load(c *config.Config) error {
	raw := strings.TrimSpace(c.SecretKey)
	if raw == "" {
		if !c.Embedded() {
			return gerror.New("KAMI_SECRET_KEY is required when KAMI_DB_LINK points at MySQL")
		}
		file := filepath.Join(c.DataDir, "secret.key")
		if b, err := os.ReadFile(file); err == nil {
			raw = strings.TrimSpace(string(b))
		} else {
			key := make([]byte, 32)
			if _, err := rand.Read(key); err != nil {
				return err
			}
			raw = base64.StdEncoding.EncodeToString(key)
			if err := os.MkdirAll(c.DataDir, 0o700); err != nil {
				return err
			}
			if err := os.WriteFile(file, []byte(raw+"\n"), 0o600); err != nil {
				return err
			}
		}
	}
	key, err := decodeKey(raw)
	if err != nil {
		return err
	}
	secretMu.Lock()
	master = key
	secretMu.Unlock()
	return nil
}

func decodeKey(raw string) ([]byte, error) {
	if b, err := hex.DecodeString(raw); err == nil && len(b) >= 32 {
		return b, nil
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(raw); err == nil && len(b) >= 32 {
			return b, nil
		}
	}
	return nil, gerror.New("KAMI_SECRET_KEY must be 32+ bytes, base64 or hex encoded")
}

// SubKey derives an independent key for one purpose ("jwt", "card", ...) from the master key, so
// a leak of one derived key reveals nothing about the others.
func SubKey(purpose string) []byte {
	secretMu.RLock()
	defer secretMu.RUnlock()
	m := hmac.New(sha256.New, master)
	m.Write([]byte("kami/" + purpose))
	return m.Sum(nil)
}

// LookupHash is the value to store and index in place of a secret that must be found again by
// its value (card keys, serial numbers, API tokens): HMAC-SHA256 under the purpose's subkey, hex.
// Unlike a plain hash it cannot be brute-forced from a database dump without the master key.
func LookupHash(purpose, value string) string {
	m := hmac.New(sha256.New, SubKey("lookup/"+purpose))
	m.Write([]byte(value))
	return hex.EncodeToString(m.Sum(nil))
}
