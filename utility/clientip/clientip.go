// Package clientip finds the caller's address. Forwarding headers are honoured only when the
// direct peer is a trusted proxy; otherwise anyone could pick an IP and dodge per-IP limits.
package clientip

import (
	"net"
	"net/http"
	"strings"
)

// Resolver holds the trusted proxy networks.
type Resolver struct{ trusted []*net.IPNet }

// New parses CIDRs or single IPs; invalid entries are returned as an error.
func New(trusted []string) (*Resolver, error) {
	r := &Resolver{}
	for _, s := range trusted {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !strings.Contains(s, "/") {
			if strings.Contains(s, ":") {
				s += "/128"
			} else {
				s += "/32"
			}
		}
		_, n, err := net.ParseCIDR(s)
		if err != nil {
			return nil, err
		}
		r.trusted = append(r.trusted, n)
	}
	return r, nil
}

func (r *Resolver) isTrusted(ip net.IP) bool {
	for _, n := range r.trusted {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}

// IP walks X-Forwarded-For from the right, skipping trusted proxies, and returns the first
// address that is not one; with an untrusted peer it is the peer itself.
func (r *Resolver) IP(req *http.Request) string {
	host, _, err := net.SplitHostPort(req.RemoteAddr)
	if err != nil {
		host = req.RemoteAddr
	}
	peer := net.ParseIP(host)
	if peer == nil || !r.isTrusted(peer) {
		return host
	}
	hops := strings.Split(req.Header.Get("X-Forwarded-For"), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		ip := net.ParseIP(strings.TrimSpace(hops[i]))
		if ip == nil {
			continue
		}
		if !r.isTrusted(ip) {
			return ip.String()
		}
	}
	if ip := net.ParseIP(strings.TrimSpace(req.Header.Get("X-Real-IP"))); ip != nil {
		return ip.String()
	}
	return host
}
