package job

import (
	"testing"
	"time"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		pattern string
		ok      bool
	}{
		{"@every 1s", true},
		{"@every 90s", true},
		{"@every 1h30m", true},
		{"@daily", true},
		{"@hourly", true},
		{"0 */5 * * * *", true},
		{"# 30 3 * * *", true},
		{"*/10 * * * * *", true},
		{"0 30 3 * * MON", true},
		{"", false},
		{" @daily", false},
		{"every second", false},
		{"@every", false},
		{"@every 500ms", false},
		{"@every 1500ms", false},
		{"@every 0s", false},
		{"@every -5s", false},
		{"@fortnightly", false},
		{"foo @daily", false},
		{"* * * * *", false},
		{"61 * * * * *", false},
		{"0 0 25 * * *", false},
		{"0 0 0 32 * *", false},
		{"*/0 * * * * *", false},
		{"5-1 * * * * *", false},
		{"0 0 0 ? * *", true},
		{"0 0 0 * JAN-MAR ?", true},
		{"0 0 0 * * FOO", false},
		{"1,2,x * * * * *", false},
	}
	for _, tc := range tests {
		if got := validate(tc.pattern); got != tc.ok {
			t.Errorf("validate(%q) = %v, want %v", tc.pattern, got, tc.ok)
		}
	}
}

// Two nodes firing the same slot at slightly different instants must name it the same.
func TestSlotOf(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		pattern string
		a, b    string
		same    bool
	}{
		{"@every 1s", "2026-01-01T00:00:05.010Z", "2026-01-01T00:00:05.990Z", true},
		{"@every 1s", "2026-01-01T00:00:05.990Z", "2026-01-01T00:00:06.010Z", false},
		{"@every 5m", "2026-01-01T00:05:00.300Z", "2026-01-01T00:09:59Z", true},
		{"@every 5m", "2026-01-01T00:04:59Z", "2026-01-01T00:05:00Z", false},
		{"@daily", "2026-01-01T00:00:00.100Z", "2026-01-01T00:00:01.900Z", true},
		{"# 30 3 * * *", "2026-01-01T03:30:00Z", "2026-01-01T03:30:02Z", true},
		{"0 */5 * * * *", "2026-01-01T00:05:00.010Z", "2026-01-01T00:05:00.980Z", true},
		{"*/10 * * * * *", "2026-01-01T00:00:10.100Z", "2026-01-01T00:00:20.100Z", false},
		{"*/10 * * * * *", "2026-01-01T00:00:10.100Z", "2026-01-01T00:00:10.900Z", true},
	}
	for _, tc := range tests {
		sa, ka := slotOf(tc.pattern, at(tc.a))
		sb, _ := slotOf(tc.pattern, at(tc.b))
		if (sa == sb) != tc.same {
			t.Errorf("%s: slot(%s)=%d, slot(%s)=%d, same=%v want %v", tc.pattern, tc.a, sa, tc.b, sb, sa == sb, tc.same)
		}
		if ka < slotKeep {
			t.Errorf("%s: keep %s shorter than slotKeep", tc.pattern, ka)
		}
	}
}
