package timefmt

import (
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"
)

func TestFormat(t *testing.T) {
	utc := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	cases := []struct {
		name, zone, want string
	}{
		{"default zone", "", "2026-01-02T11:04:05+08:00"},
		{"explicit zone", "Europe/Berlin", "2026-01-02T04:04:05+01:00"},
		{"utc", "UTC", "2026-01-02T03:04:05Z"},
		{"unknown falls back to default", "Mars/Olympus", "2026-01-02T11:04:05+08:00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Format(utc, c.zone); got != c.want {
				t.Fatalf("got %s, want %s", got, c.want)
			}
		})
	}
	if Format(time.Time{}, "") != "" || FormatG(nil, "") != "" || Ptr(nil, "") != nil {
		t.Fatal("zero times must render empty")
	}
	if p := Ptr(gtime.NewFromTime(utc), "UTC"); p == nil || *p != "2026-01-02T03:04:05Z" {
		t.Fatalf("Ptr: %v", p)
	}
}
