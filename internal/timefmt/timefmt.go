// Package timefmt is how the admin API shows and reads times: RFC 3339 with an offset, shown in
// the configured display zone (admin-api.md "Times"), while the database keeps UTC.
package timefmt

import (
	"sync"
	"time"
	_ "time/tzdata" // the display zone must load on hosts without /usr/share/zoneinfo

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/config"
)

var (
	zoneOnce sync.Once
	zone     *time.Location
)

// Zone is the display zone from config (default Asia/Shanghai); an unknown name falls back to
// UTC rather than failing every response.
func Zone() *time.Location {
	zoneOnce.Do(func() {
		zone = time.UTC
		if name := config.Get().TimeZone; name != "" {
			if loc, err := time.LoadLocation(name); err == nil {
				zone = loc
			}
		}
	})
	return zone
}

// Format renders a stored time for a client; nil (a NULL column) becomes "".
func Format(t *gtime.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.Time.In(Zone()).Format(time.RFC3339)
}

// Parse reads a client's RFC 3339 time and returns it in UTC, the zone of stored times, so it
// compares correctly with DATETIME columns on both dialects. "" gives nil (no bound).
func Parse(s string) (*gtime.Time, error) {
	if s == "" {
		return nil, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return nil, err
	}
	return gtime.NewFromTime(t.UTC()), nil
}
