package camel_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"kami/internal/testkit"
)

// TestMerchantSigning (§7.4): every refusal of the signing table, a replayed nonce, a tampered
// body, a rotation with two live secrets, the merchant's status and allow-list, its rate limit.
func TestMerchantSigning(t *testing.T) {
	p := newPool(t, 1000)
	q := map[string]any{"orderNo": "CO1"}
	old := int64(1000)
	// The window is judged in whole seconds: on a running clock a second boundary crossed
	// between reading the time here and the server's check makes 301 s ahead read as 300.
	clk := testkit.SharedClock{}
	clk.Freeze(t, time.Now())
	t.Cleanup(func() { clk.Release(t) })
	future := clk.Now().Unix() + 301
	edge := clk.Now().Unix() - 290
	cases := []struct {
		name   string
		tp     tamper
		status int
		code   string
	}{
		{"unknown appKey", tamper{appKey: "ak_nobody"}, 401, "APP_KEY_INVALID"},
		{"no headers", tamper{noHeaders: true}, 401, "APP_KEY_INVALID"},
		{"wrong signature", tamper{sig: strings.Repeat("0", 64)}, 401, "SIGNATURE_INVALID"},
		{"short nonce", tamper{nonce: "abc"}, 401, "SIGNATURE_INVALID"},
		{"tampered body", tamper{body: []byte(`{"orderNo":"CO2"}`)}, 401, "SIGNATURE_INVALID"},
		{"old timestamp", tamper{ts: &old}, 401, "TIMESTAMP_OUT_OF_WINDOW"},
		{"timestamp 301 s ahead", tamper{ts: &future}, 401, "TIMESTAMP_OUT_OF_WINDOW"},
		{"timestamp 290 s behind, inside the window", tamper{ts: &edge}, 404, "ORDER_NOT_FOUND"},
		{"body over 64 KiB", tamper{body: []byte(`{"orderNo":"` + strings.Repeat("x", 70<<10) + `"}`)}, 413, "BODY_TOO_LARGE"},
	}
	for _, c := range cases {
		if r := p.sign.post(t, "/orders/query", q, c.tp); r.Status != c.status || r.code() != c.code {
			t.Errorf("%s: %d %s, want %d %s", c.name, r.Status, r.code(), c.status, c.code)
		}
	}
	n := nonce()
	if r := p.sign.post(t, "/orders/query", q, tamper{nonce: n}); r.Status != 404 {
		t.Fatalf("first use of a nonce: %d %s", r.Status, r.code())
	}
	if r := p.sign.post(t, "/orders/query", q, tamper{nonce: n}); r.Status != 401 || r.code() != "NONCE_REPLAYED" {
		t.Fatalf("replayed nonce: %d %s", r.Status, r.code())
	}
	if r := p.sign.post(t, "/orders/query", map[string]any{"merchantOrderNo": strings.Repeat("x", 65)}); r.Status != 400 || r.code() != "BAD_REQUEST" {
		t.Fatalf("malformed field: %d %s", r.Status, r.code())
	}

	clk.Release(t) // the admin's session below runs on the real clock

	// Rotation: the old secret and the new one both verify.
	var rot merchant
	p.admin.Post(t, fmt.Sprintf("/api/camel-oil/merchants/%d/secret/rotate", p.merchant.ID), nil).
		Expect(t, http.StatusOK).Decode(t, &rot)
	fresh := p.sign
	fresh.secret = rot.AppSecret
	for name, s := range map[string]signer{"old": p.sign, "new": fresh} {
		if r := s.post(t, "/orders/query", q); r.Status != 404 || r.code() != "ORDER_NOT_FOUND" {
			t.Fatalf("%s secret after rotation: %d %s", name, r.Status, r.code())
		}
	}
	// 24 h later the old secret no longer verifies; the new one does.
	clk.Freeze(t, time.Now().Add(24*time.Hour+time.Minute))
	if r := p.sign.post(t, "/orders/query", q); r.Status != 401 || r.code() != "SIGNATURE_INVALID" {
		t.Fatalf("old secret after its 24 h: %d %s", r.Status, r.code())
	}
	if r := fresh.post(t, "/orders/query", q); r.Status != 404 {
		t.Fatalf("new secret 24 h on: %d %s", r.Status, r.code())
	}
	clk.Release(t) // the admin's session below runs on the real clock

	// The allow-list, then the status.
	path := fmt.Sprintf("/api/camel-oil/merchants/%d", p.merchant.ID)
	p.admin.Put(t, path, map[string]any{"ipAllowList": []string{"10.0.0.0/8"}}).Expect(t, http.StatusOK)
	if r := fresh.post(t, "/orders/query", q); r.Status != 403 || r.code() != "IP_NOT_ALLOWED" {
		t.Fatalf("outside the allow-list: %d %s", r.Status, r.code())
	}
	p.admin.Put(t, path, map[string]any{"ipAllowList": []string{"10.0.0.0/8", "127.0.0.1"}}).Expect(t, http.StatusOK)
	if r := fresh.post(t, "/orders/query", q); r.Status != 404 {
		t.Fatalf("on the allow-list: %d %s", r.Status, r.code())
	}
	p.admin.Put(t, path+"/status", map[string]any{"status": "disabled"}).Expect(t, http.StatusOK)
	if r := fresh.post(t, "/orders/query", q); r.Status != 403 || r.code() != "MERCHANT_DISABLED" {
		t.Fatalf("disabled merchant: %d %s", r.Status, r.code())
	}
	p.admin.Put(t, path+"/status", map[string]any{"status": "active"}).Expect(t, http.StatusOK)

	// Rate limit 1/s: the second call at once is refused with Retry-After, spending no nonce.
	p.admin.Put(t, path, map[string]any{"rateLimit": 1}).Expect(t, http.StatusOK)
	limited := 0
	for range 3 {
		r := fresh.post(t, "/orders/query", q)
		if r.Status == http.StatusTooManyRequests {
			if r.code() != "RATE_LIMITED" || r.Header.Get("Retry-After") == "" {
				t.Fatalf("limited: %s %q", r.code(), r.Header.Get("Retry-After"))
			}
			limited++
		}
	}
	if limited == 0 {
		t.Fatal("3 calls at once under 1/s were all admitted")
	}
}
