package openapi

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// TEMPORARY until the SDK lands: the SDK's CanonicalRequest/SignRequest/CanonicalResponse.

func canonicalQuery(q url.Values) string {
	type kv struct{ k, v string }
	var all []kv
	for k, vs := range q {
		for _, v := range vs {
			all = append(all, kv{k, v})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].k != all[j].k {
			return all[i].k < all[j].k
		}
		return all[i].v < all[j].v
	})
	parts := make([]string, len(all))
	for i, p := range all {
		parts[i] = esc(p.k) + "=" + esc(p.v)
	}
	return strings.Join(parts, "&")
}

func esc(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
		} else {
			b.WriteString("%" + strings.ToUpper(hex.EncodeToString([]byte{c})))
		}
	}
	return b.String()
}

func canonicalRequest(method, path string, q url.Values, appKey string, ts int64, nonce string, body []byte) string {
	return strings.Join([]string{"KAMI-HMAC-SHA256", strings.ToUpper(method), path, canonicalQuery(q), appKey,
		strconv.FormatInt(ts, 10), nonce, bodyHash(body)}, "\n")
}

func signRequest(secret []byte, canonical string) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(canonical))
	return hex.EncodeToString(m.Sum(nil))
}

func canonicalResponse(nonce, method, path string, ts int64, body []byte) string {
	return strings.Join([]string{"KAMI-ED25519", nonce, method, path, strconv.FormatInt(ts, 10), bodyHash(body)}, "\n")
}

func validNonce(s string) bool {
	if len(s) < 16 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}
