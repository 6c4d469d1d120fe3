package keyring

import (
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"strings"
)

// Sealer is Seal and Open for many values of one purpose: the subkey and the AES-GCM cipher
// are derived once, not once per value (a card batch seals 100,000 keys, an export opens
// them). Values it seals open with Open and the other way round. Safe for concurrent use.
type Sealer struct {
	purpose string
	aead    cipher.AEAD
}

// NewSealer prepares the cipher of purpose.
func NewSealer(purpose string) (*Sealer, error) {
	aead, err := gcm(purpose)
	if err != nil {
		return nil, err
	}
	return &Sealer{purpose: purpose, aead: aead}, nil
}

// Seal is keyring.Seal under the prepared cipher.
func (s *Sealer) Seal(plaintext []byte) (string, error) {
	nonce := make([]byte, s.aead.NonceSize(), s.aead.NonceSize()+len(plaintext)+s.aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	out := s.aead.Seal(nonce, nonce, plaintext, []byte(s.purpose))
	return sealPrefix + base64.RawStdEncoding.EncodeToString(out), nil
}

// Open is keyring.Open under the prepared cipher.
func (s *Sealer) Open(sealed string) ([]byte, error) {
	raw, ok := strings.CutPrefix(sealed, sealPrefix)
	if !ok {
		return nil, ErrSealed
	}
	b, err := base64.RawStdEncoding.DecodeString(raw)
	if err != nil || len(b) < s.aead.NonceSize() {
		return nil, ErrSealed
	}
	plain, err := s.aead.Open(nil, b[:s.aead.NonceSize()], b[s.aead.NonceSize():], []byte(s.purpose))
	if err != nil {
		return nil, ErrSealed
	}
	return plain, nil
}

// Hasher computes LookupHash of purpose for many values with the subkey derived once (a card
// batch hashes 100,000 keys). Not safe for concurrent use.
type Hasher struct{ mac hash.Hash }

// NewHasher prepares LookupHash of purpose.
func NewHasher(purpose string) *Hasher {
	return &Hasher{mac: hmac.New(sha256.New, SubKey("lookup/"+purpose))}
}

// Sum is LookupHash(purpose, value).
func (h *Hasher) Sum(value string) string {
	h.mac.Reset()
	h.mac.Write([]byte(value))
	return hex.EncodeToString(h.mac.Sum(nil))
}
