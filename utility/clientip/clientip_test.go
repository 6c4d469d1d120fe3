package clientip

import (
	"net/http"
	"testing"
)

func TestIP(t *testing.T) {
	r, err := New([]string{"10.0.0.0/8", "127.0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, remote, xff, want string
	}{
		{"untrusted peer ignores header", "203.0.113.9:1234", "1.2.3.4", "203.0.113.9"},
		{"trusted peer uses header", "127.0.0.1:1234", "198.51.100.7", "198.51.100.7"},
		{"skips trusted hops from the right", "10.0.0.2:1", "198.51.100.7, 10.0.0.5", "198.51.100.7"},
		{"spoofed left entries are not taken", "10.0.0.2:1", "1.1.1.1, 198.51.100.7", "198.51.100.7"},
		{"garbage header falls back to peer", "127.0.0.1:1", "not-an-ip", "127.0.0.1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", "/", nil)
			req.RemoteAddr = c.remote
			req.Header.Set("X-Forwarded-For", c.xff)
			if got := r.IP(req); got != c.want {
				t.Fatalf("got %s want %s", got, c.want)
			}
		})
	}
	if _, err := New([]string{"nope/99"}); err == nil {
		t.Fatal("invalid CIDR accepted")
	}
}
