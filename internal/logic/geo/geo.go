// Package geo places an IP address on the map offline, from a GeoIP2/GeoLite2 City database file
// (.mmdb) whose path is the setting geo.mmdbPath. There is no network call: without a file every
// public address reads "unknown". Private and loopback addresses read "内网/LAN".
package geo

import (
	"context"
	"net/netip"
	"strings"
	"sync"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/oschwald/geoip2-golang"

	"kami/internal/logic/settings"
	"kami/internal/service"
)

const (
	// Unknown is the location of a public address the database does not place (or with no database).
	Unknown = "unknown"
	// LAN is the location of private, loopback and link-local addresses.
	LAN = "内网/LAN"
)

func init() {
	settings.Define(settings.Def{Key: "geo.mmdbPath", Group: "system", Type: settings.TypeString, Default: ""})
	service.RegisterGeo(New())
}

type sGeo struct {
	mu     sync.Mutex
	path   string // the file db was opened from ("" = none)
	db     *geoip2.Reader
	failed string // a path that could not be opened, logged once
}

func New() *sGeo { return &sGeo{} }

// Locate names where ip is: "country region city" in Chinese where the database has Chinese
// names (the ops panel's first language), else in English; LAN or Unknown otherwise.
func (s *sGeo) Locate(ctx context.Context, ip string) string {
	addr, err := netip.ParseAddr(strings.TrimSpace(ip))
	if err != nil {
		return Unknown
	}
	addr = addr.Unmap()
	if addr.IsPrivate() || addr.IsLoopback() || addr.IsLinkLocalUnicast() || addr.IsUnspecified() {
		return LAN
	}
	db := s.reader(ctx)
	if db == nil {
		return Unknown
	}
	rec, err := db.City(addr.AsSlice())
	if err != nil {
		return Unknown
	}
	var parts []string
	add := func(names map[string]string) {
		if n := names["zh-CN"]; n != "" {
			parts = append(parts, n)
		} else if n = names["en"]; n != "" {
			parts = append(parts, n)
		}
	}
	add(rec.Country.Names)
	if len(rec.Subdivisions) > 0 {
		add(rec.Subdivisions[0].Names)
	}
	add(rec.City.Names)
	if len(parts) == 0 {
		return Unknown
	}
	return strings.Join(dedupe(parts), " ")
}

// reader opens the configured file, again whenever the setting names another one.
func (s *sGeo) reader(ctx context.Context) *geoip2.Reader {
	path := strings.TrimSpace(service.Settings().String("geo.mmdbPath"))
	s.mu.Lock()
	defer s.mu.Unlock()
	if path == s.path {
		return s.db
	}
	if s.db != nil {
		_ = s.db.Close()
	}
	s.path, s.db = path, nil
	if path == "" {
		return nil
	}
	db, err := geoip2.Open(path)
	if err != nil {
		if s.failed != path {
			g.Log().Warningf(ctx, "geo: cannot open %s: %v; locations read %q", path, err, Unknown)
			s.failed = path
		}
		return nil
	}
	s.db = db
	return db
}

// dedupe drops a name repeated by the next level (城市 = 省份 for Beijing, Shanghai ...).
func dedupe(parts []string) []string {
	out := parts[:0]
	for i, p := range parts {
		if i == 0 || p != parts[i-1] {
			out = append(out, p)
		}
	}
	return out
}
