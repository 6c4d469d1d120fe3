package kami

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// Algorithm tags: the first line of each canonical string, so a request signature can never be
// taken for a response one or the other way round.
const (
	requestAlgorithm  = "KAMI-HMAC-SHA256"
	responseAlgorithm = "KAMI-ED25519"
)

// CanonicalQuery is the query line of the canonical request: every name and value
// percent-encoded per RFC 3986 (only A-Z a-z 0-9 - . _ ~ stay as they are, everything else is
// %XX of its UTF-8 bytes, upper-case hex; a space is %20, never '+'), the pairs sorted by encoded
// name, then encoded value (byte order), joined as name=value with '&'. A name without a value
// is "name=". No parameters give "".
//
// The client also sends exactly this string as the URL's query, so what is signed is what
// travels.
func CanonicalQuery(q url.Values) string {
	type pair struct{ k, v string }
	pairs := make([]pair, 0, len(q))
	for k, vs := range q {
		ek := escapeRFC3986(k)
		for _, v := range vs {
			pairs = append(pairs, pair{ek, escapeRFC3986(v)})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].k != pairs[j].k {
			return pairs[i].k < pairs[j].k
		}
		return pairs[i].v < pairs[j].v
	})
	var b strings.Builder
	for i, p := range pairs {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.k)
		b.WriteByte('=')
		b.WriteString(p.v)
	}
	return b.String()
}

// escapeRFC3986 percent-encodes everything but RFC 3986's unreserved characters.
// url.QueryEscape is not used: it writes a space as '+' and is form encoding, not RFC 3986.
func escapeRFC3986(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

func unreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// CanonicalRequest is the string a request signature covers: the lines KAMI-HMAC-SHA256, the
// method (upper case), the path, CanonicalQuery(q), appKey, ts, nonce and the lowercase hex
// SHA-256 of the raw body (of "" when there is none), joined by "\n" without a trailing newline.
// path is the path the Kami server routes (/openapi/v1/...), as sent, without the query.
func CanonicalRequest(method, path string, q url.Values, appKey string, ts int64, nonce string, body []byte) string {
	return strings.Join([]string{
		requestAlgorithm,
		strings.ToUpper(method),
		path,
		CanonicalQuery(q),
		appKey,
		strconv.FormatInt(ts, 10),
		nonce,
		bodyHash(body),
	}, "\n")
}

// SignRequest is the X-Kami-Signature value: lowercase hex of HMAC-SHA256(appSecret, canonical).
// appSecret is the secret's bytes exactly as shown ("as_..."), not decoded.
func SignRequest(appSecret []byte, canonical string) string {
	mac := hmac.New(sha256.New, appSecret)
	mac.Write([]byte(canonical))
	return hex.EncodeToString(mac.Sum(nil))
}

// CanonicalResponse is the string a response signature covers: the lines KAMI-ED25519, the
// request's nonce, the request's method (upper case) and path, the response's X-Kami-Timestamp
// and the lowercase hex SHA-256 of the raw response body, joined by "\n". Binding the request's
// nonce makes an answer usable for that one request only.
func CanonicalResponse(nonce, method, path string, ts int64, body []byte) string {
	return strings.Join([]string{
		responseAlgorithm,
		nonce,
		strings.ToUpper(method),
		path,
		strconv.FormatInt(ts, 10),
		bodyHash(body),
	}, "\n")
}

func bodyHash(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}
