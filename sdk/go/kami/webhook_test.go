package kami

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestWebhookSignature(t *testing.T) {
	secret, body := []byte("whsec_test"), []byte(`{"id":"evt_1"}`)
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte("1700000000." + string(body)))
	if got, want := WebhookSignature(secret, 1700000000, body), hex.EncodeToString(mac.Sum(nil)); got != want {
		t.Fatalf("WebhookSignature = %s, want %s", got, want)
	}
}

func TestVerifyWebhook(t *testing.T) {
	secret, body := []byte("whsec_test"), []byte(`{"id":"evt_1","type":"card.activated"}`)
	now := time.Unix(1700000000, 0)
	sig := func(t int64) string { return WebhookSignature(secret, t, body) }
	header := func(t int64) string { return fmt.Sprintf("t=%d,v1=%s", t, sig(t)) }
	ts := now.Unix()
	tests := []struct {
		name      string
		header    string
		body      []byte
		secret    []byte
		tolerance time.Duration
		want      error
	}{
		{"good", header(ts), body, secret, 5 * time.Minute, nil},
		{"spaces and unknown keys", fmt.Sprintf(" t=%d , v0=zz, v1=%s ", ts, sig(ts)), body, secret, time.Minute, nil},
		{"second v1 matches", fmt.Sprintf("t=%d,v1=%s,v1=%s", ts, sig(ts+1), sig(ts)), body, secret, time.Minute, nil},
		{"wrong secret", header(ts), body, []byte("whsec_other"), time.Minute, ErrWebhookSignature},
		{"tampered body", header(ts), []byte(`{"id":"evt_2"}`), secret, time.Minute, ErrWebhookSignature},
		{"t changed", fmt.Sprintf("t=%d,v1=%s", ts+1, sig(ts)), body, secret, time.Minute, ErrWebhookSignature},
		{"no t", "v1=" + sig(ts), body, secret, time.Minute, ErrWebhookSignature},
		{"bad t", "t=x,v1=" + sig(ts), body, secret, time.Minute, ErrWebhookSignature},
		{"no v1", fmt.Sprintf("t=%d", ts), body, secret, time.Minute, ErrWebhookSignature},
		{"not hex", fmt.Sprintf("t=%d,v1=not-hex", ts), body, secret, time.Minute, ErrWebhookSignature},
		{"empty", "", body, secret, time.Minute, ErrWebhookSignature},
		{"old", header(ts - 301), body, secret, 5 * time.Minute, ErrWebhookTimestamp},
		{"future", header(ts + 301), body, secret, 5 * time.Minute, ErrWebhookTimestamp},
		{"at the edge", header(ts - 300), body, secret, 5 * time.Minute, nil},
		{"no tolerance: any age", header(ts - 86400), body, secret, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := VerifyWebhook(tt.secret, tt.header, tt.body, now, tt.tolerance)
			if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Fatalf("VerifyWebhook = %v, want %v", err, tt.want)
			}
		})
	}
}
