package timefmt

import (
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"
)

// No server in this package: the test sets the display zone as boot does.
func TestFormatInTheConfiguredZone(t *testing.T) {
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
			SetZone(c.zone)
			if got := Format(gtime.NewFromTime(utc)); got != c.want {
				t.Fatalf("Format: got %s, want %s", got, c.want)
			}
			if got := Time(utc); got != c.want {
				t.Fatalf("Time: got %s, want %s", got, c.want)
			}
			if p := Ptr(gtime.NewFromTime(utc)); p == nil || *p != c.want {
				t.Fatalf("Ptr: %v", p)
			}
		})
	}
	if Time(time.Time{}) != "" || Format(nil) != "" || Format(gtime.New()) != "" || Ptr(nil) != nil {
		t.Fatal("zero times must render empty")
	}
}

func TestParseGivesUTC(t *testing.T) {
	got, err := Parse("2026-01-02T11:04:05+08:00")
	if err != nil || !got.Time.Equal(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)) || got.Time.Location() != time.UTC {
		t.Fatalf("Parse: %v %v", got, err)
	}
	if got, err := Parse(""); got != nil || err != nil {
		t.Fatalf("empty: %v %v", got, err)
	}
	for _, bad := range []string{"2026-01-02", "yesterday", "2026-01-02T11:04:05"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}
