package peer

import (
	"net/http/httptest"
	"testing"
)

// Forwarding headers are believed only from the proxies handed to Trust; a malformed list is
// refused and leaves the proxies trusted before it in place.
func TestTrustDecidesWhoseHeadersAreBelieved(t *testing.T) {
	t.Cleanup(func() { _ = Trust(nil) })
	req := httptest.NewRequest("GET", "/", nil)
	req.RemoteAddr = "10.0.0.5:4000"
	req.Header.Set("X-Forwarded-For", "203.0.113.7")
	req.Header.Set("X-Forwarded-Proto", "https")
	cases := []struct {
		name    string
		cidrs   []string
		wantErr bool
		ip      string
		tls     bool
	}{
		{"none trusted", nil, false, "10.0.0.5", false},
		{"the proxy trusted", []string{"10.0.0.0/8"}, false, "203.0.113.7", true},
		{"malformed keeps the previous", []string{"not-a-cidr"}, true, "203.0.113.7", true},
		{"another proxy trusted", []string{"192.168.0.0/16"}, false, "10.0.0.5", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := Trust(c.cidrs); (err != nil) != c.wantErr {
				t.Fatalf("Trust: %v, want error %v", err, c.wantErr)
			}
			if got := IP(req); got != c.ip {
				t.Errorf("IP: %s, want %s", got, c.ip)
			}
			if got := TLS(req); got != c.tls {
				t.Errorf("TLS: %v, want %v", got, c.tls)
			}
		})
	}
}
