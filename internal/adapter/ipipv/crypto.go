// Package ipipv speaks the IPIPV open API v2 (the upstream of the proxy module): the AES-CBC
// envelope, typed calls, retries and a circuit breaker. Only internal/logic/proxy imports it,
// through the narrow interface that logic owns.
package ipipv

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"errors"
	"fmt"
)

// ErrCipher is every decryption failure: the caller treats it as a transport error, since an
// answer we cannot read proves nothing about what the upstream did.
var ErrCipher = errors.New("ipipv: undecryptable data")

// checkKey accepts exactly the AES-128/192/256 key sizes; the contract refuses any other
// appSecret length with 400 before it is stored.
func checkKey(key []byte) error {
	switch len(key) {
	case 16, 24, 32:
		return nil
	}
	return fmt.Errorf("ipipv: appSecret must be 16, 24 or 32 bytes, got %d", len(key))
}

// ValidSecret reports whether s can be an appSecret (used by the settings validation).
func ValidSecret(s string) bool { return checkKey([]byte(s)) == nil }

// Encrypt is the SDK's scheme: AES-CBC with IV = key[0:16], PKCS7 to 16 bytes, standard
// padded base64.
func Encrypt(key, plain []byte) (string, error) {
	if err := checkKey(key); err != nil {
		return "", err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return "", err
	}
	pad := aes.BlockSize - len(plain)%aes.BlockSize
	buf := make([]byte, len(plain)+pad)
	copy(buf, plain)
	copy(buf[len(plain):], bytes.Repeat([]byte{byte(pad)}, pad))
	cipher.NewCBCEncrypter(block, key[:aes.BlockSize]).CryptBlocks(buf, buf)
	return base64.StdEncoding.EncodeToString(buf), nil
}

// Decrypt reverses Encrypt; every malformed input is an error (never a panic): empty, not
// base64, not a multiple of the block size, or bad padding.
func Decrypt(key []byte, b64 string) ([]byte, error) {
	if err := checkKey(key); err != nil {
		return nil, err
	}
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || len(raw) == 0 || len(raw)%aes.BlockSize != 0 {
		return nil, ErrCipher
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	cipher.NewCBCDecrypter(block, key[:aes.BlockSize]).CryptBlocks(raw, raw)
	pad := int(raw[len(raw)-1])
	if pad == 0 || pad > aes.BlockSize || pad > len(raw) {
		return nil, ErrCipher
	}
	for _, b := range raw[len(raw)-pad:] {
		if int(b) != pad {
			return nil, ErrCipher
		}
	}
	return raw[:len(raw)-pad], nil
}
