package keyring

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"strings"
)

// sealPrefix marks a sealed value, so a stored plaintext (or a value sealed by a future scheme)
// is told apart instead of being fed to the cipher.
const sealPrefix = "v1:"

// ErrSealed is returned when a sealed value cannot be opened: a different master key, or a
// value changed at rest. The message never includes the value.
var ErrSealed = errors.New("sealed value cannot be opened with this master key")

// Seal encrypts plaintext with AES-256-GCM under the purpose's subkey of the master key. The
// purpose is also the additional data, so a value sealed for one purpose does not open for
// another. The result is text, safe for a TEXT column.
func Seal(purpose string, plaintext []byte) (string, error) {
	aead, err := gcm(purpose)
	if err != nil {
		return "", err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err = rand.Read(nonce); err != nil {
		return "", err
	}
	out := aead.Seal(nonce, nonce, plaintext, []byte(purpose))
	return sealPrefix + base64.RawStdEncoding.EncodeToString(out), nil
}

// Open reverses Seal.
func Open(purpose, sealed string) ([]byte, error) {
	raw, ok := strings.CutPrefix(sealed, sealPrefix)
	if !ok {
		return nil, ErrSealed
	}
	b, err := base64.RawStdEncoding.DecodeString(raw)
	if err != nil {
		return nil, ErrSealed
	}
	aead, err := gcm(purpose)
	if err != nil {
		return nil, err
	}
	if len(b) < aead.NonceSize() {
		return nil, ErrSealed
	}
	plain, err := aead.Open(nil, b[:aead.NonceSize()], b[aead.NonceSize():], []byte(purpose))
	if err != nil {
		return nil, ErrSealed
	}
	return plain, nil
}

func gcm(purpose string) (cipher.AEAD, error) {
	block, err := aes.NewCipher(SubKey("seal/" + purpose)) // 32 bytes: AES-256
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}
