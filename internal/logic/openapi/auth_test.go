package openapi_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"kami/internal/testkit"
	"kami/sdk/go/kami"
)

// raw sends a hand-made request with the four signing headers computed from what sign says,
// so a test can make them disagree with what is sent.
func raw(t *testing.T, p proj, secret, nonce string, ts int64, signBody, sendBody []byte) (*http.Response, []byte) {
	t.Helper()
	const path = "/openapi/v1/cards/verify"
	sig := kami.SignRequest([]byte(secret), kami.CanonicalRequest("POST", path, url.Values{}, p.AppKey, ts, nonce, signBody))
	req, err := http.NewRequest("POST", testkit.Current().BaseURL+path, bytes.NewReader(sendBody))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Forwarded-For", randomIP())
	req.Header.Set(kami.HeaderAppKey, p.AppKey)
	req.Header.Set(kami.HeaderTimestamp, strconv.FormatInt(ts, 10))
	req.Header.Set(kami.HeaderNonce, nonce)
	req.Header.Set(kami.HeaderSignature, sig)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func expectRaw(t *testing.T, resp *http.Response, body []byte, status int, machine string) {
	t.Helper()
	if resp.StatusCode != status || !strings.Contains(string(body), `"error":"`+machine+`"`) {
		t.Fatalf("HTTP %d %s, want %d %s", resp.StatusCode, body, status, machine)
	}
}

func TestAuthenticationErrors(t *testing.T) {
	admin := testkit.Current().Admin(t)
	p := newProject(t, admin, 3600, 1, nil)
	k := keys(t, admin, p, 1)[0]
	ctx := context.Background()
	body := []byte(`{"card":"` + k + `","device":"d1"}`)
	now := testkit.SharedClock{}.Now().Unix()

	t.Run("unknown appKey: 401 APP_KEY_INVALID, unsigned", func(t *testing.T) {
		bad := p
		bad.AppKey = "ak_nobody"
		_, err := local(bad).Verify(ctx, k, "d1", "")
		expectCode(t, err, http.StatusUnauthorized, "APP_KEY_INVALID")
	})
	t.Run("wrong secret: 401 SIGNATURE_INVALID, signed", func(t *testing.T) {
		bad := p
		bad.AppSecret = "as_wrong"
		_, err := local(bad).Verify(ctx, k, "d1", "")
		expectCode(t, err, http.StatusUnauthorized, "SIGNATURE_INVALID")
	})
	t.Run("missing headers: 401 SIGNATURE_INVALID", func(t *testing.T) {
		req, _ := http.NewRequest("POST", testkit.Current().BaseURL+"/openapi/v1/cards/verify", bytes.NewReader(body))
		req.Header.Set(kami.HeaderAppKey, p.AppKey)
		req.Header.Set("X-Forwarded-For", randomIP())
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		expectRaw(t, resp, b, http.StatusUnauthorized, "SIGNATURE_INVALID")
		if resp.Header.Get(kami.HeaderResponseSignature) == "" {
			t.Fatal("an error answer of a known project is signed too")
		}
	})
	t.Run("tampered body: 401 SIGNATURE_INVALID", func(t *testing.T) {
		resp, b := raw(t, p, p.AppSecret, "nonce-tampered-0001", now, body, []byte(`{"card":"`+k+`","device":"d2"}`))
		expectRaw(t, resp, b, http.StatusUnauthorized, "SIGNATURE_INVALID")
	})
	t.Run("skewed clock: 401 TIMESTAMP_OUT_OF_WINDOW", func(t *testing.T) {
		// The window is in whole seconds: a running clock crossing a second between signing and
		// the server's check would read 301 s ahead as 300.
		clk := testkit.SharedClock{}
		clk.Freeze(t, time.Now())
		defer clk.Release(t)
		for _, d := range []time.Duration{301 * time.Second, -301 * time.Second} {
			c := local(p, kami.WithClock(func() time.Time { return testkit.SharedClock{}.Now().Add(d) }),
				kami.WithMaxSkew(time.Hour))
			_, err := c.Verify(ctx, k, "d1", "")
			expectCode(t, err, http.StatusUnauthorized, "TIMESTAMP_OUT_OF_WINDOW")
		}
		c := local(p, kami.WithClock(func() time.Time { return testkit.SharedClock{}.Now().Add(-290 * time.Second) }))
		if _, err := c.Verify(ctx, k, "d1", ""); err != nil {
			t.Fatalf("within the window: %v", err)
		}
	})
	t.Run("replayed nonce: 401 NONCE_REPLAYED, the first answer stands", func(t *testing.T) {
		nonce := "fixed-nonce-" + strconv.FormatInt(time.Now().UnixNano(), 10)
		c := local(p, kami.WithNonce(func() string { return nonce }))
		if _, err := c.Query(ctx, k); err != nil {
			t.Fatal(err)
		}
		_, err := c.Query(ctx, k)
		expectCode(t, err, http.StatusUnauthorized, "NONCE_REPLAYED")
		_, err = c.Verify(ctx, k, "d1", "") // another endpoint, same appKey
		expectCode(t, err, http.StatusUnauthorized, "NONCE_REPLAYED")
	})
	t.Run("bad input: 400 BAD_REQUEST naming the field", func(t *testing.T) {
		_, err := local(p).Verify(ctx, k, "", "")
		e := expectCode(t, err, http.StatusBadRequest, "BAD_REQUEST")
		if !strings.Contains(e.Message, "device") {
			t.Fatalf("message %q does not name the field", e.Message)
		}
		resp, b := raw(t, p, p.AppSecret, "nonce-malformed-0001", now, []byte(`{"card":`), []byte(`{"card":`))
		expectRaw(t, resp, b, http.StatusBadRequest, "BAD_REQUEST")
	})
	t.Run("body over 64 KiB: 413 BODY_TOO_LARGE", func(t *testing.T) {
		big := []byte(`{"card":"` + k + `","device":"d1","pad":"` + strings.Repeat("x", 65<<10) + `"}`)
		resp, b := raw(t, p, p.AppSecret, "nonce-too-large-0001", now, big, big)
		expectRaw(t, resp, b, http.StatusRequestEntityTooLarge, "BODY_TOO_LARGE")
	})
	t.Run("the card was never touched by any refused call", func(t *testing.T) {
		r, err := local(p).Query(ctx, k)
		if err != nil || !r.Found || r.Card.Status != kami.StatusActive || r.Card.BoundDevices != 1 {
			t.Fatalf("query: %+v %v", r, err)
		}
	})
}

// A man in the middle who changes an answer, replays an old one or answers for another key
// is caught by the SDK before the caller sees anything.
func TestTamperedResponsesAreDetected(t *testing.T) {
	admin := testkit.Current().Admin(t)
	p := newProject(t, admin, 3600, 1, nil)
	k := keys(t, admin, p, 1)[0]
	target, _ := url.Parse(testkit.Current().BaseURL)
	var mode string
	var saved []byte
	var savedHeader http.Header
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		out, _ := http.NewRequest(r.Method, target.String()+r.URL.RequestURI(), r.Body)
		out.Header = r.Header.Clone()
		resp, err := http.DefaultClient.Do(out)
		if err != nil {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		h := resp.Header
		switch {
		case mode == "flip" && strings.Contains(r.URL.Path, "verify"):
			b = bytes.Replace(b, []byte(`"DEVICE_MISMATCH"`), []byte(`"VALID"`), 1)
			b = bytes.Replace(b, []byte(`"valid":false`), []byte(`"valid":true`), 1)
		case mode == "record" && strings.Contains(r.URL.Path, "verify"):
			saved, savedHeader = b, h.Clone()
		case mode == "replay" && strings.Contains(r.URL.Path, "verify"):
			b, h = saved, savedHeader
		}
		for name, vs := range h {
			if name != "Content-Length" {
				w.Header()[name] = vs
			}
		}
		w.WriteHeader(resp.StatusCode)
		_, _ = w.Write(b)
	}))
	defer proxy.Close()
	c := sdk(p, proxy.URL)
	ctx := context.Background()

	mode = "record"
	if r, err := c.Verify(ctx, k, "d1", ""); err != nil || !r.Valid {
		t.Fatalf("through an honest proxy: %+v %v", r, err)
	}
	mode = "flip"
	if _, err := c.Verify(ctx, k, "intruder", ""); !errors.Is(err, kami.ErrResponseSignature) {
		t.Fatalf("a changed answer: %v, want ErrResponseSignature", err)
	}
	mode = "replay"
	if _, err := c.Verify(ctx, k, "intruder", ""); !errors.Is(err, kami.ErrResponseSignature) && !errors.Is(err, kami.ErrNonceMismatch) {
		t.Fatalf("a replayed VALID: %v, want it refused", err)
	}
	mode = ""
	r, err := c.Verify(ctx, k, "intruder", "")
	if err != nil {
		t.Fatal(err)
	}
	expectResult(t, r, kami.ResultDeviceMismatch)
}

// During a rotation both secrets verify; after the grace only the new one does. A signing key
// rotation makes the SDK refetch the keys on the unknown kid.
func TestRotation(t *testing.T) {
	freeze(t)
	admin := testkit.Current().Admin(t)
	p := newProject(t, admin, 3600, 1, nil)
	k := keys(t, admin, p, 1)[0]
	ctx := context.Background()
	old := local(p)
	if _, err := old.Query(ctx, k); err != nil {
		t.Fatal(err)
	}
	var rot struct {
		AppSecret string `json:"appSecret"`
	}
	admin.Post(t, path("/api/projects/%d/secret/rotate", p.ID), nil).Expect(t, http.StatusOK).Decode(t, &rot)
	fresh := p
	fresh.AppSecret = rot.AppSecret
	admin.Post(t, path("/api/projects/%d/signing-key/rotate", p.ID), nil).Expect(t, http.StatusOK)
	for _, c := range []*kami.Client{old, local(fresh)} {
		if _, err := c.Query(ctx, k); err != nil {
			t.Fatalf("inside the grace, after a signing-key rotation: %v", err)
		}
	}
	testkit.SharedClock{}.Advance(t, 24*time.Hour+time.Second)
	_, err := old.Query(ctx, k)
	expectCode(t, err, http.StatusUnauthorized, "SIGNATURE_INVALID")
	if _, err := local(fresh).Query(ctx, k); err != nil {
		t.Fatal(err)
	}
}
