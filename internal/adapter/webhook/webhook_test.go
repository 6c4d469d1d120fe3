package webhook_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"kami/internal/adapter/webhook"
)

// With private targets off, nothing on loopback is reached, whatever the URL says; on, it is.
func TestPrivateTargetsRefusedUnlessAllowed(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { hits.Add(1) }))
	defer srv.Close()
	allow := false
	c := webhook.New(webhook.Options{AllowPrivate: func() bool { return allow }})
	localhost := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	for _, u := range []string{srv.URL, localhost} {
		if _, _, err := c.Post(context.Background(), u, nil, []byte("{}")); !errors.Is(err, webhook.ErrPrivateAddress) {
			t.Fatalf("%s: %v", u, err)
		}
	}
	if hits.Load() != 0 {
		t.Fatal("a private target was reached")
	}
	if status, _, err := c.Post(webhook.AllowPrivateIn(context.Background()), srv.URL, nil, []byte("{}")); err != nil || status != 200 || hits.Load() != 1 {
		t.Fatalf("allowed by the context: %d %v, hits %d", status, err, hits.Load())
	}
	if _, _, err := c.Post(context.Background(), srv.URL, nil, []byte("{}")); !errors.Is(err, webhook.ErrPrivateAddress) {
		t.Fatalf("an unmarked request after a marked one: %v", err)
	}
	hits.Store(0)
	allow = true
	if status, _, err := c.Post(context.Background(), srv.URL, nil, []byte("{}")); err != nil || status != 200 || hits.Load() != 1 {
		t.Fatalf("allowed: %d %v, hits %d", status, err, hits.Load())
	}
}

// A redirect is the answer, not followed; only the start of a long body is read; only http and
// https URLs are posted to.
func TestPostAnswers(t *testing.T) {
	var mu sync.Mutex
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.URL.Path+" "+r.Header.Get("X-Test"))
		mu.Unlock()
		switch r.URL.Path {
		case "/moved":
			http.Redirect(w, r, "/elsewhere", http.StatusTemporaryRedirect)
		case "/long":
			_, _ = w.Write([]byte(strings.Repeat("a", 5000)))
		}
	}))
	defer srv.Close()
	c := webhook.New(webhook.Options{AllowPrivate: func() bool { return true }, MaxBody: 100})
	h := http.Header{"X-Test": []string{"yes"}}
	if status, _, err := c.Post(context.Background(), srv.URL+"/moved", h, nil); err != nil || status != http.StatusTemporaryRedirect {
		t.Fatalf("redirect: %d %v", status, err)
	}
	status, body, err := c.Post(context.Background(), srv.URL+"/long", h, nil)
	if err != nil || status != 200 || len(body) != 100 {
		t.Fatalf("long body: %d %d %v", status, len(body), err)
	}
	mu.Lock()
	defer mu.Unlock()
	if strings.Join(got, ",") != "/moved yes,/long yes" {
		t.Fatalf("requests %v", got)
	}
	if _, _, err := c.Post(context.Background(), "file:///etc/passwd", nil, nil); err == nil {
		t.Fatal("a file URL was accepted")
	}
}

func TestPrivateRanges(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1": true, "10.1.2.3": true, "172.16.0.1": true, "192.168.1.1": true, "169.254.169.254": true,
		"100.100.100.200": true, "0.0.0.0": true, "0.1.2.3": true, "::1": true, "fe80::1": true, "fd00::1": true,
		"::ffff:127.0.0.1": true, "224.0.0.1": true,
		"8.8.8.8": false, "203.0.113.9": false, "2001:4860:4860::8888": false, "100.128.0.1": false,
	} {
		if got := webhook.Private(netip.MustParseAddr(addr)); got != want {
			t.Errorf("%s: private %v, want %v", addr, got, want)
		}
	}
}
