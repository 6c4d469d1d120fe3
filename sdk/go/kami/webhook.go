package kami

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Webhook verification errors (errors.Is).
var (
	// ErrWebhookSignature: the X-Kami-Webhook-Signature header is missing, malformed, or no v1
	// signature in it matches the body.
	ErrWebhookSignature = errors.New("kami: webhook signature invalid")
	// ErrWebhookTimestamp: the signature is right but its t is further from now than allowed.
	ErrWebhookTimestamp = errors.New("kami: webhook timestamp outside tolerance")
)

// Event is a webhook delivery's body. Data depends on Type (card events carry "card", the
// masked key, "cardId", "device", ...); decode it into your own struct.
type Event struct {
	ID        string          `json:"id"`
	Type      string          `json:"type"`
	CreatedAt time.Time       `json:"createdAt"`
	Data      json.RawMessage `json:"data"`
}

// WebhookSignature is the v1 value of X-Kami-Webhook-Signature: lowercase hex of
// HMAC-SHA256(secret, "<t>.<raw body>"). The header is "t=<t>,v1=<this>".
func WebhookSignature(secret []byte, t int64, body []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(strconv.FormatInt(t, 10)))
	mac.Write([]byte{'.'})
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

// VerifyWebhook checks an X-Kami-Webhook-Signature header ("t=<unix seconds>,v1=<hex>")
// against the raw body: some v1 must match (compared in constant time; several v1 entries and
// unknown keys are allowed, so the server can add schemes or sign with two secrets), and t must
// be within tolerance of now. Every attempt of a delivery is signed afresh, so a tolerance of a
// few minutes also accepts retries; tolerance <= 0 skips the time check (then rely on
// de-duplication by X-Kami-Delivery alone).
func VerifyWebhook(secret []byte, header string, body []byte, now time.Time, tolerance time.Duration) error {
	t, sigs, err := parseWebhookHeader(header)
	if err != nil {
		return err
	}
	want, _ := hex.DecodeString(WebhookSignature(secret, t, body))
	matched := false
	for _, s := range sigs {
		got, err := hex.DecodeString(s)
		if err == nil && hmac.Equal(got, want) {
			matched = true
		}
	}
	if !matched {
		return ErrWebhookSignature
	}
	if tolerance > 0 {
		if d := now.Sub(time.Unix(t, 0)); d > tolerance || d < -tolerance {
			return fmt.Errorf("%w: t=%d is %s from now", ErrWebhookTimestamp, t, d.Round(time.Second))
		}
	}
	return nil
}

// parseWebhookHeader splits "t=..,v1=..[,v1=..]" into the timestamp and the v1 signatures.
func parseWebhookHeader(header string) (int64, []string, error) {
	var (
		t      int64
		haveT  bool
		sigs   []string
		failed = func(why string) (int64, []string, error) {
			return 0, nil, fmt.Errorf("%w: %s", ErrWebhookSignature, why)
		}
	)
	for _, part := range strings.Split(header, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			continue
		}
		switch k {
		case "t":
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || haveT {
				return failed("bad or repeated t")
			}
			t, haveT = n, true
		case "v1":
			sigs = append(sigs, v)
		}
	}
	if !haveT {
		return failed("no t")
	}
	if len(sigs) == 0 {
		return failed("no v1")
	}
	return t, sigs, nil
}
