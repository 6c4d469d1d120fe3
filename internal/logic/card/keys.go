package card

import (
	"crypto/rand"
	"strings"
)

// keyAlphabet has no character that reads like another: no 0/O, no 1/I/L. 31 symbols.
const keyAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// Keys are keyGroups groups of keyGroupLen symbols: 25 x log2(31) = 123.9 bits of crypto/rand,
// above the 120 the issue asks for, shown as XXXXX-XXXXX-XXXXX-XXXXX-XXXXX.
const (
	keyGroups   = 5
	keyGroupLen = 5
	keySymbols  = keyGroups * keyGroupLen
	// keyReject: random bytes at or above it are dropped, so every symbol is equally likely
	// (256 is not a multiple of 31).
	keyReject = 256 - 256%len(keyAlphabet)
)

// keySource turns crypto/rand bytes into key symbols, reading them in large blocks: one
// system call per few hundred keys instead of one per key.
type keySource struct {
	buf []byte
	pos int
}

func newKeySource() *keySource { return &keySource{buf: make([]byte, 8192), pos: 8192} }

func (k *keySource) symbol() (byte, error) {
	for {
		if k.pos == len(k.buf) {
			if _, err := rand.Read(k.buf); err != nil {
				return 0, err
			}
			k.pos = 0
		}
		b := k.buf[k.pos]
		k.pos++
		if int(b) < keyReject {
			return keyAlphabet[int(b)%len(keyAlphabet)], nil
		}
	}
}

// next returns a new key, grouped with "-".
func (k *keySource) next() (string, error) {
	var sb strings.Builder
	sb.Grow(keySymbols + keyGroups - 1)
	for i := 0; i < keySymbols; i++ {
		if i > 0 && i%keyGroupLen == 0 {
			sb.WriteByte('-')
		}
		c, err := k.symbol()
		if err != nil {
			return "", err
		}
		sb.WriteByte(c)
	}
	return sb.String(), nil
}

// maskKey is what lists and webhooks show of a key: its first and last four symbols.
func maskKey(normalized string) string {
	if len(normalized) < 8 {
		return "****"
	}
	return normalized[:4] + "-****-" + normalized[len(normalized)-4:]
}
