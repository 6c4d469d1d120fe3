package kami

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"testing"
)

func TestCanonicalQuery(t *testing.T) {
	tests := []struct {
		name string
		q    url.Values
		want string
	}{
		{"nil", nil, ""},
		{"empty", url.Values{}, ""},
		{"one", url.Values{"appKey": {"ak_1"}}, "appKey=ak_1"},
		{"sorted by name", url.Values{"b": {"1"}, "a": {"2"}, "B": {"3"}}, "B=3&a=2&b=1"},
		{"values sorted", url.Values{"x": {"b", "a", "c"}}, "x=a&x=b&x=c"},
		{"space is %20, plus is %2B", url.Values{"q": {"a b+c"}}, "q=a%20b%2Bc"},
		{"unreserved kept", url.Values{"k-._~": {"AZaz09-._~"}}, "k-._~=AZaz09-._~"},
		{"reserved escaped", url.Values{"a&b": {"=/?#%"}}, "a%26b=%3D%2F%3F%23%25"},
		{"non-ASCII as UTF-8", url.Values{"名": {"é"}}, "%E5%90%8D=%C3%A9"},
		{"empty value", url.Values{"flag": {""}}, "flag="},
		// Sorting is on the encoded strings: '%' (0x25) sorts before letters and '~'.
		{"sort on encoded", url.Values{"~": {"1"}, "é": {"2"}, "a": {"3"}}, "%C3%A9=2&a=3&~=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CanonicalQuery(tt.q); got != tt.want {
				t.Fatalf("CanonicalQuery = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCanonicalRequest(t *testing.T) {
	body := []byte(`{"card":"K"}`)
	sum := sha256.Sum256(body)
	empty := "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" // SHA-256 of ""
	tests := []struct {
		name   string
		method string
		q      url.Values
		body   []byte
		want   []string
	}{
		{"post with body", "POST", nil, body,
			[]string{"KAMI-HMAC-SHA256", "POST", "/openapi/v1/cards/verify", "", "ak_x", "1700000000", "nonce-0123456789ab", hex.EncodeToString(sum[:])}},
		{"method upper-cased, no body", "get", url.Values{"b": {"2"}, "a": {"1"}}, nil,
			[]string{"KAMI-HMAC-SHA256", "GET", "/openapi/v1/cards/verify", "a=1&b=2", "ak_x", "1700000000", "nonce-0123456789ab", empty}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CanonicalRequest(tt.method, PathVerify, tt.q, "ak_x", 1700000000, "nonce-0123456789ab", tt.body)
			if want := strings.Join(tt.want, "\n"); got != want {
				t.Fatalf("CanonicalRequest =\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func TestCanonicalResponse(t *testing.T) {
	got := CanonicalResponse("nonce-0123456789ab", "post", PathQuery, -5, nil)
	want := "KAMI-ED25519\nnonce-0123456789ab\nPOST\n/openapi/v1/cards/query\n-5\n" +
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	if got != want {
		t.Fatalf("CanonicalResponse = %q, want %q", got, want)
	}
}

// TestSignRequestVector pins the HMAC to RFC 4231 test case 1, so SignRequest is plain
// HMAC-SHA256 in lowercase hex and nothing else.
func TestSignRequestVector(t *testing.T) {
	got := SignRequest(bytes.Repeat([]byte{0x0b}, 20), "Hi There")
	if want := "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"; got != want {
		t.Fatalf("SignRequest = %s, want %s", got, want)
	}
}

func TestValidNonce(t *testing.T) {
	tests := []struct {
		nonce string
		ok    bool
	}{
		{strings.Repeat("a", 15), false},
		{strings.Repeat("a", 16), true},
		{strings.Repeat("Z", 64), true},
		{strings.Repeat("9", 65), false},
		{"abcdefghij-_ABCD0189", true},
		{"abcdefghij.ABCD0189", false},
		{"abcdefghij ABCD0189", false},
		{"abcdefghijéABCD0189", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := ValidNonce(tt.nonce); got != tt.ok {
			t.Errorf("ValidNonce(%q) = %v, want %v", tt.nonce, got, tt.ok)
		}
	}
}

func TestRandomNonce(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		n := randomNonce()
		if len(n) != defaultNonceLen || !ValidNonce(n) {
			t.Fatalf("randomNonce gave %q", n)
		}
		if seen[n] {
			t.Fatalf("randomNonce repeated %q", n)
		}
		seen[n] = true
	}
}
