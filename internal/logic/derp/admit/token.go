// Package admit derives the admission token of a container generation (derp.md §7): the one
// place that knows the MAC, used by the host-op worker to build derper's -verify-client-url
// and by the hook to check what derper calls back with. The token is derived, never stored.
package admit

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"

	"kami/internal/infra/keyring"
)

// purpose names the subkey of the master key the MAC is keyed with ("kami derp admit").
const purpose = "derp admit"

// Token is <containerId>.<base64url(HMAC-SHA256(subkey, cid‖0‖token_gen))>. Bumping token_gen
// (which recreates the container) rotates it.
func Token(cid int64, gen int) string {
	id := strconv.FormatInt(cid, 10)
	return id + "." + base64.RawURLEncoding.EncodeToString(mac(id, gen))
}

// Parse splits a token into its container id and MAC; ok is false for anything not shaped
// like a token, which the hook answers with Allow:false.
func Parse(token string) (cid int64, sig []byte, ok bool) {
	id, enc, found := strings.Cut(token, ".")
	if !found || id == "" || len(id) > 19 || len(enc) != 43 {
		return 0, nil, false
	}
	cid, err := strconv.ParseInt(id, 10, 64)
	if err != nil || cid <= 0 || strconv.FormatInt(cid, 10) != id {
		return 0, nil, false
	}
	sig, err = base64.RawURLEncoding.DecodeString(enc)
	if err != nil || len(sig) != sha256.Size {
		return 0, nil, false
	}
	return cid, sig, true
}

// Valid reports whether sig is the MAC of container cid at generation gen (constant time).
func Valid(cid int64, gen int, sig []byte) bool {
	return hmac.Equal(sig, mac(strconv.FormatInt(cid, 10), gen))
}

func mac(id string, gen int) []byte {
	m := hmac.New(sha256.New, keyring.SubKey(purpose))
	m.Write([]byte(id))
	m.Write([]byte{0})
	m.Write([]byte(strconv.Itoa(gen)))
	return m.Sum(nil)
}
