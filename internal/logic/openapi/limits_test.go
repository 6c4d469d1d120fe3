package openapi_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"kami/internal/testkit"
	"kami/sdk/go/kami"
)

// A caller over its IP's limit gets 429 with Retry-After, and is served again once that time
// passed; another IP of the same project is not held back.
func TestRateLimitHitAndRecovery(t *testing.T) {
	admin := testkit.Current().Admin(t)
	// 60 per minute per IP: one a second, a burst of one.
	p := newProject(t, admin, 3600, 1, map[string]any{"settings": map[string]any{"ratePerIp": 60, "ratePerApp": 0}})
	k := keys(t, admin, p, 1)[0]
	ctx := context.Background()
	c := local(p)
	if _, err := c.Query(ctx, k); err != nil {
		t.Fatal(err)
	}
	_, err := c.Query(ctx, k)
	e := expectCode(t, err, http.StatusTooManyRequests, "RATE_LIMITED")
	if e.RetryAfter <= 0 || e.RetryAfter > 2*time.Second {
		t.Fatalf("Retry-After %s, want about a second", e.RetryAfter)
	}
	if _, err := local(p).Query(ctx, k); err != nil {
		t.Fatalf("another IP: %v", err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		time.Sleep(e.RetryAfter) // what the header told the client to do
		_, err = c.Query(ctx, k)
		if err == nil {
			break
		}
		if !kami.IsCode(err, "RATE_LIMITED") || time.Now().After(deadline) {
			t.Fatalf("after Retry-After: %v", err)
		}
	}
}

// Repeated bad signatures ban the IP from the whole OpenAPI (even with a good signature and
// another project) until the ban's time passed on the service clock.
func TestRepeatedFailuresBanTheIP(t *testing.T) {
	freeze(t)
	testkit.SetSettings(t, map[string]any{"openapi.ipBanThreshold": 3})
	admin := testkit.Current().Admin(t)
	p := newProject(t, admin, 3600, 1, nil)
	other := newProject(t, admin, 3600, 1, nil)
	k := keys(t, admin, p, 1)[0]
	ctx := context.Background()
	ip := ipTransport{randomIP()}
	hc := &http.Client{Transport: ip, Timeout: 30 * time.Second}
	bad := p
	bad.AppSecret = "as_wrong"
	for range 3 {
		_, err := kami.New(testkit.Current().BaseURL, bad.AppKey, []byte(bad.AppSecret), kami.WithHTTPClient(hc),
			kami.WithClock(testkit.SharedClock{}.Now)).Query(ctx, k)
		expectCode(t, err, http.StatusUnauthorized, "SIGNATURE_INVALID")
	}
	for _, q := range []proj{p, other} {
		c := kami.New(testkit.Current().BaseURL, q.AppKey, []byte(q.AppSecret), kami.WithHTTPClient(hc),
			kami.WithClock(testkit.SharedClock{}.Now))
		_, err := c.Query(ctx, k)
		e := expectCode(t, err, http.StatusTooManyRequests, "RATE_LIMITED")
		if e.RetryAfter < 14*time.Minute {
			t.Fatalf("ban Retry-After %s, want about 15 min", e.RetryAfter)
		}
	}
	if _, err := local(p).Query(ctx, k); err != nil {
		t.Fatalf("another IP is not banned: %v", err)
	}
	testkit.SharedClock{}.Advance(t, 15*time.Minute+time.Second)
	c := kami.New(testkit.Current().BaseURL, p.AppKey, []byte(p.AppSecret), kami.WithHTTPClient(hc),
		kami.WithClock(testkit.SharedClock{}.Now))
	if _, err := c.Query(ctx, k); err != nil {
		t.Fatalf("after the ban: %v", err)
	}
}

// Unbinding through the OpenAPI releases the device without touching the validity; the next
// device binds; the project's limit and cooldown hold.
func TestUnbindThenVerifyFromANewDevice(t *testing.T) {
	freeze(t)
	admin := testkit.Current().Admin(t)
	p := newProject(t, admin, 3600, 1, map[string]any{"settings": map[string]any{"ratePerApp": 0, "ratePerIp": 0,
		"maxUnbinds": 2, "unbindCooldown": 60}})
	k := keys(t, admin, p, 1)[0]
	ctx := context.Background()
	c := local(p)
	first := verify(t, c, k, "old-phone")
	u, err := c.Unbind(ctx, k, "other-phone")
	if err != nil || u.Result != kami.UnbindNotBound || u.BoundDevices != 1 {
		t.Fatalf("unbinding a device never bound: %+v %v", u, err)
	}
	if u, err = c.Unbind(ctx, k, "old-phone"); err != nil || u.Result != kami.UnbindUnbound || u.BoundDevices != 0 {
		t.Fatalf("unbind: %+v %v", u, err)
	}
	testkit.SharedClock{}.Advance(t, 10*time.Second)
	r := verify(t, c, k, "new-phone")
	expectResult(t, r, kami.ResultValid)
	if r.Activated || !r.Card.ExpiresAt.Equal(*first.Card.ExpiresAt) || r.Card.BoundDevices != 1 {
		t.Fatalf("after unbind: %+v %+v", r, r.Card)
	}
	expectResult(t, verify(t, c, k, "old-phone"), kami.ResultDeviceMismatch)
	if u, err = c.Unbind(ctx, k, ""); err != nil || u.Result != kami.UnbindLimitReached || u.RetryAfter != 50 {
		t.Fatalf("inside the cooldown: %+v %v", u, err)
	}
	testkit.SharedClock{}.Advance(t, 50*time.Second)
	if u, err = c.Unbind(ctx, k, ""); err != nil || u.Result != kami.UnbindUnbound {
		t.Fatalf("second unbind: %+v %v", u, err)
	}
	verify(t, c, k, "third-phone")
	testkit.SharedClock{}.Advance(t, time.Hour-time.Minute)
	if u, err = c.Unbind(ctx, k, ""); err != nil || u.Result != kami.UnbindLimitReached || u.RetryAfter != 0 {
		t.Fatalf("past max unbinds: %+v %v", u, err)
	}
	if u, err = c.Unbind(ctx, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", ""); err != nil || u.Result != kami.UnbindNotFound {
		t.Fatalf("unknown card: %+v %v", u, err)
	}
}
