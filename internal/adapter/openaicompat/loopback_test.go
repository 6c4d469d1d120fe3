package openaicompat

import (
	"context"
	"strings"
	"testing"
)

// Under test the adapter refuses to dial anything but loopback, and counts the refusal, so the
// relay suite's after-check fails on a channel pointed outside (relay.md §8).
func TestTestsDialLoopbackOnly(t *testing.T) {
	if !loopbackOnly {
		t.Skip("the guard is on only under KAMI_TEST_BACKEND")
	}
	before := NonLoopbackDials()
	h := NewHTTP(HTTPOptions{})
	// TEST-NET-3 (RFC 5737): never routed, so nothing could leave even without the guard.
	_, err := h.Chat(context.Background(), Target{BaseURL: "http://203.0.113.7:9", Key: "k"}, []byte(`{}`))
	if err == nil || !strings.Contains(err.Error(), "not a loopback address") || NonLoopbackDials() != before+1 {
		t.Fatalf("err %v, refused %d", err, NonLoopbackDials()-before)
	}
	if err := checkLoopback("tcp", "127.0.0.1:8080", nil); err != nil {
		t.Fatal(err)
	}
	if err := checkLoopback("tcp", "[::1]:8080", nil); err != nil {
		t.Fatal(err)
	}
}
