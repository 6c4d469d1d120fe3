// Package timefmt is how the admin API shows and reads times (admin-api.md "Times"): RFC 3339
// with the offset of the display zone configured in kami.timeZone, while the database keeps UTC.
// Only the rendering changes zone; a parsed time is turned back into UTC.
package timefmt

import (
	"sync"
	"sync/atomic"
	"time"
	_ "time/tzdata" // a slim container without /usr/share/zoneinfo still knows Asia/Shanghai

	"github.com/gogf/gf/v2/os/gtime"
)

// DefaultZone is used when the configured zone is empty or unknown.
const DefaultZone = "Asia/Shanghai"

var zones sync.Map // name -> *time.Location; LoadLocation reads a file, so it is done once

// zone is the display zone SetZone chose; nil (nothing set yet) is DefaultZone. Every response
// reads it, so it is atomic.
var zone atomic.Pointer[time.Location]

// SetZone sets the display zone by name (kami.timeZone); boot calls it once. A typo in the
// config degrades the display to DefaultZone (and UTC if even that fails) instead of failing
// every response.
func SetZone(name string) { zone.Store(location(name)) }

// Zone is the display zone.
func Zone() *time.Location {
	if z := zone.Load(); z != nil {
		return z
	}
	return location(DefaultZone)
}

func location(name string) *time.Location {
	if name == "" {
		name = DefaultZone
	}
	if v, ok := zones.Load(name); ok {
		return v.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		if name != DefaultZone {
			return location(DefaultZone)
		}
		loc = time.UTC
	}
	zones.Store(name, loc)
	return loc
}

// Time renders t in the display zone; the zero time renders as "".
func Time(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(Zone()).Format(time.RFC3339)
}

// Format renders a stored time for a client; nil or zero (a NULL column) becomes "".
func Format(t *gtime.Time) string {
	if t == nil {
		return ""
	}
	return Time(t.Time)
}

// Ptr is Format for optional fields: nil or zero becomes JSON null instead of "".
func Ptr(t *gtime.Time) *string {
	s := Format(t)
	if s == "" {
		return nil
	}
	return &s
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
