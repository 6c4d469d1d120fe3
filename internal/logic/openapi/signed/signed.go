// Package signed is the signed-request check of openapi.md "Request signing", shared by every
// API that uses it (the OpenAPI's projects, the camel-oil merchants): headers, the ±300 s
// window, the 64 KiB body cap, the signature under one or two live secrets, and — in one Redis
// round trip — the caller's rate limits and the nonce. Each API resolves its own key space
// (which appKey has which secrets and limits) and keeps its own answer.
package signed

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/errs"
	"kami/sdk/go/kami"
)

// Contract limits (openapi.md "Request signing").
const (
	MaxBody   = 64 << 10
	MaxSkew   = 300 // seconds
	NonceLife = 600 * time.Second
)

const (
	HeaderAppKey    = "X-Kami-App-Key"
	HeaderTimestamp = "X-Kami-Timestamp"
	HeaderNonce     = "X-Kami-Nonce"
	HeaderSignature = "X-Kami-Signature"
)

// Secrets are the appSecrets a key verifies under: the current one and, until PrevUntil (unix
// seconds), the one a rotation replaced.
type Secrets struct {
	Current   []byte
	Prev      []byte
	PrevUntil int64
}

// Check verifies a request of a known appKey in the contract's order: the headers, the
// timestamp window, the body cap, then the signature. The errors are the contract's
// (SIGNATURE_INVALID, TIMESTAMP_OUT_OF_WINDOW, BODY_TOO_LARGE); the caller spends the nonce
// (Admit) only after this passed. The body stays readable for gf's parsing.
func Check(r *ghttp.Request, now time.Time, appKey string, sec Secrets) error {
	h := r.Header
	nonce := h.Get(HeaderNonce)
	ts, err := strconv.ParseInt(h.Get(HeaderTimestamp), 10, 64)
	sig := h.Get(HeaderSignature)
	if err != nil || !kami.ValidNonce(nonce) || len(sig) != sha256.Size*2 {
		return errs.SignatureInvalid.New()
	}
	if d := now.Unix() - ts; d > MaxSkew || d < -MaxSkew {
		return errs.TimestampOutOfWindow.New()
	}
	body, err := ReadBody(r)
	if err != nil {
		return err
	}
	canonical := kami.CanonicalRequest(r.Method, r.URL.Path, r.URL.Query(), appKey, ts, nonce, body)
	if !Matches(sec, canonical, sig, now) {
		return errs.SignatureInvalid.New()
	}
	return nil
}

// Matches reports whether sig is the signature of canonical under the current secret, or under
// the previous one while its rotation grace lasts. Both are always computed and compared in
// constant time, so the answer's timing tells nothing about which (or how much) matched.
func Matches(sec Secrets, canonical, sig string, now time.Time) bool {
	got := []byte(sig)
	ok := hmac.Equal(got, []byte(kami.SignRequest(sec.Current, canonical)))
	if sec.Prev != nil && sec.PrevUntil > now.Unix() {
		ok = hmac.Equal(got, []byte(kami.SignRequest(sec.Prev, canonical))) || ok
	}
	return ok
}

// ReadBody reads the body under the contract's 64 KiB cap and leaves it for gf's parsing.
func ReadBody(r *ghttp.Request) ([]byte, error) {
	if r.ContentLength > MaxBody {
		// Nothing reads the refused body; http.NoBody, not nil, because gf closes r.Body when the
		// request is done (a nil one panicked there after every 413).
		r.Body = http.NoBody
		return nil, errs.TooLarge.New()
	}
	if r.Body == nil {
		return nil, nil
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, MaxBody+1))
	if err != nil {
		return nil, errs.OpenAPIBadRequest.New("body")
	}
	if len(b) > MaxBody {
		return nil, errs.TooLarge.New()
	}
	r.Body = io.NopCloser(bytes.NewReader(b))
	r.GetBody() // gf caches the bytes and parses them from here on
	return b, nil
}
