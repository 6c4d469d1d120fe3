// Package timefmt (built on utility/timefmt, with the configured zone) is how the admin API shows and reads times: RFC 3339 with an offset, shown in
// the configured display zone (admin-api.md "Times"), while the database keeps UTC.
package timefmt

import (
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/config"
	"kami/utility/timefmt"
)

// Zone is the display zone from config (default Asia/Shanghai); an unknown name falls back
// rather than failing every response.
func Zone() *time.Location { return timefmt.Location(config.Get().TimeZone) }

// Format renders a stored time for a client; nil (a NULL column) becomes "".
func Format(t *gtime.Time) string { return timefmt.FormatG(t, config.Get().TimeZone) }

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
