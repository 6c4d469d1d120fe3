package stats

import (
	"time"

	"kami/internal/timefmt"
)

// dayLayout is how a bucket's day is stored and answered.
const dayLayout = "2006-01-02"

// dayOf is the calendar day of t in the display zone (kami.timeZone): the dashboards count
// days as the operators live them, not in UTC.
func dayOf(t time.Time) string { return t.In(timefmt.Zone()).Format(dayLayout) }

// bounds is the UTC half-open interval [start, end) of a day, as the DATETIME columns hold UTC.
// A day of a daylight-saving change is 23 or 25 hours long; AddDate keeps it right.
func bounds(day string) (time.Time, time.Time, error) {
	d, err := time.ParseInLocation(dayLayout, day, timefmt.Zone())
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	return d.UTC(), d.AddDate(0, 0, 1).UTC(), nil
}

// nextDay is the day after day (a valid day string).
func nextDay(day string) string {
	d, _ := time.ParseInLocation(dayLayout, day, timefmt.Zone())
	return d.AddDate(0, 0, 1).Format(dayLayout)
}

// span lists every day from first through last, inclusive.
func span(first, last string) []string {
	var out []string
	for d := first; d <= last; d = nextDay(d) {
		out = append(out, d)
	}
	return out
}
