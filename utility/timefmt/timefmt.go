// Package timefmt renders stored times for clients: RFC 3339 with the offset of the display
// time zone (admin-api.md "Times"). Times are stored in UTC; only the rendering changes zone.
package timefmt

import (
	"sync"
	"time"
	_ "time/tzdata" // a slim container without /usr/share/zoneinfo still knows Asia/Shanghai

	"github.com/gogf/gf/v2/os/gtime"
)

// DefaultZone is used when the configured zone is empty or unknown.
const DefaultZone = "Asia/Shanghai"

var zones sync.Map // name -> *time.Location; LoadLocation reads a file, so it is done once

// Location returns the named zone, falling back to DefaultZone (and UTC if even that fails)
// so a typo in the config degrades the display instead of failing every response.
func Location(name string) *time.Location {
	if name == "" {
		name = DefaultZone
	}
	if v, ok := zones.Load(name); ok {
		return v.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		if name != DefaultZone {
			return Location(DefaultZone)
		}
		loc = time.UTC
	}
	zones.Store(name, loc)
	return loc
}

// Format renders t in zone; the zero time renders as "".
func Format(t time.Time, zone string) string {
	if t.IsZero() {
		return ""
	}
	return t.In(Location(zone)).Format(time.RFC3339)
}

// FormatG renders a database time in zone; nil or zero renders as "".
func FormatG(t *gtime.Time, zone string) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return Format(t.Time, zone)
}

// Ptr is FormatG for optional fields: nil or zero becomes JSON null instead of "".
func Ptr(t *gtime.Time, zone string) *string {
	s := FormatG(t, zone)
	if s == "" {
		return nil
	}
	return &s
}
