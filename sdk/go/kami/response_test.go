package kami

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestResponseChecks breaks a good answer in each way a forger, a replay or a proxy could,
// and expects the client to refuse it before decoding.
func TestResponseChecks(t *testing.T) {
	_, otherKey, _ := ed25519.GenerateKey(nil)
	tests := []struct {
		name   string
		hook   func(*fakeAnswer)
		tamper func([]byte) []byte
		want   error
	}{
		{"good", nil, nil, nil},
		{"tampered body", nil, func(b []byte) []byte { return bytes.Replace(b, []byte(`"valid":true`), []byte(`"valid":false`), 1) }, ErrResponseSignature},
		{"unsigned", func(a *fakeAnswer) { a.signed = false }, nil, ErrResponseSignature},
		{"signed with another key under the published kid", func(a *fakeAnswer) { a.signer = otherKey }, nil, ErrResponseSignature},
		{"signed for another request's nonce", func(a *fakeAnswer) { a.Nonce = "someone-elses-nonce-000" }, nil, ErrResponseSignature},
		{"signed for another path", func(a *fakeAnswer) { a.Path = PathQuery }, nil, ErrResponseSignature},
		{"signed for another method", func(a *fakeAnswer) { a.Method = http.MethodGet }, nil, ErrResponseSignature},
		{"signed, but the wrong nonce echoed", func(a *fakeAnswer) { a.Data["nonce"] = "replayed-nonce-0000000" }, nil, ErrNonceMismatch},
		{"old timestamp", func(a *fakeAnswer) { a.TS -= 301 }, nil, ErrStaleResponse},
		{"future timestamp", func(a *fakeAnswer) { a.TS += 301 }, nil, ErrStaleResponse},
		{"timestamp inside the skew", func(a *fakeAnswer) { a.TS -= 299 }, nil, nil},
		{"signed error envelope tampered", func(a *fakeAnswer) { a.fail(http.StatusServiceUnavailable, 50340, CodeUnavailable) },
			func(b []byte) []byte { return bytes.Replace(b, []byte("UNAVAILABLE"), []byte("RATE_LIMITED"), 1) }, ErrResponseSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t)
			f.AddCard("GOOD-CARD", 1, time.Hour)
			now := time.Unix(time.Now().Unix(), 0)
			f.SetClock(func() time.Time { return now })
			f.SetHook(tt.hook)
			f.SetTamper(tt.tamper)
			c := clientOf(f, WithClock(func() time.Time { return now }))
			res, err := c.Verify(ctxT(t), "GOOD-CARD", "pc", "")
			if tt.want == nil {
				if err != nil || !res.Valid {
					t.Fatalf("Verify = %+v, %v", res, err)
				}
				return
			}
			if !errors.Is(err, tt.want) || res != nil {
				t.Fatalf("Verify = %+v, %v; want %v", res, err, tt.want)
			}
		})
	}
}

func TestMaxSkewOption(t *testing.T) {
	f := newFake(t)
	f.AddCard("SKEW-CARD", 1, time.Hour)
	now := time.Unix(time.Now().Unix(), 0)
	f.SetClock(func() time.Time { return now })
	f.SetHook(func(a *fakeAnswer) { a.TS -= 61 })
	c := clientOf(f, WithClock(func() time.Time { return now }), WithMaxSkew(time.Minute))
	if _, err := c.Verify(ctxT(t), "SKEW-CARD", "pc", ""); !errors.Is(err, ErrStaleResponse) {
		t.Fatalf("61 s old with a 60 s skew: %v", err)
	}
}

// TestUnsignedProxyError: an answer that is not from Kami (a proxy's 502 page) is refused as
// unsigned; the message still tells the HTTP status.
func TestUnsignedProxyError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte("<html>bad gateway</html>"))
	}))
	defer srv.Close()
	c := New(srv.URL, "ak_x", []byte("as_x"), WithPublicKeys(nil))
	_, err := c.Verify(ctxT(t), "K", "pc", "")
	if !errors.Is(err, ErrResponseSignature) || !bytes.Contains([]byte(err.Error()), []byte("502")) {
		t.Fatalf("Verify through a broken proxy: %v", err)
	}
}
