package clientip

import (
	"crypto/tls"
	"net/http"
	"testing"
)

func TestTLS(t *testing.T) {
	r, err := New([]string{"10.0.0.0/8"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, remote, proto string
		conn                bool
		want                bool
	}{
		{"plain from a client", "203.0.113.9:1", "", false, false},
		{"tls connection", "203.0.113.9:1", "", true, true},
		{"untrusted peer cannot claim https", "203.0.113.9:1", "https", false, false},
		{"trusted proxy says https", "10.0.0.2:1", "https", false, true},
		{"trusted proxy says http", "10.0.0.2:1", "http", false, false},
		{"outermost scheme wins", "10.0.0.2:1", "HTTPS, http", false, true},
		{"trusted proxy, no header", "10.0.0.2:1", "", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", "/", nil)
			req.RemoteAddr = c.remote
			if c.proto != "" {
				req.Header.Set("X-Forwarded-Proto", c.proto)
			}
			if c.conn {
				req.TLS = &tls.ConnectionState{}
			}
			if got := r.TLS(req); got != c.want {
				t.Fatalf("got %v want %v", got, c.want)
			}
		})
	}
}
