package backup_test

import (
	"testing"
	"time"

	"kami/internal/backup"
)

// A simulated year of daily backups at 02:00, pruned after every run as the job does: after
// each run the kept set is exactly the last 7 days, the newest of each of the last 4 weeks and
// of each of the last 12 months, and nothing else survives.
func TestRetentionOverASimulatedYear(t *testing.T) {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	var kept []time.Time
	day := time.Date(2026, 1, 1, 2, 0, 0, 0, loc)
	for i := 0; i < 400; i++ {
		now := day.AddDate(0, 0, i)
		kept = backup.Keep(now, append(kept, now), loc)
		want := expected(now, i, day, loc)
		if len(kept) != len(want) {
			t.Fatalf("day %d (%s): kept %d backups, want %d:\n%v\nwant\n%v", i, now.Format("2006-01-02"), len(kept), len(want), kept, want)
		}
		for j := range want {
			if !kept[j].Equal(want[j]) {
				t.Fatalf("day %d: kept %v, want %v", i, kept, want)
			}
		}
	}
	// The end state (2027-02-04): the 7 dailies (which hold this and last week's newest and
	// January's last day), 2 more weeklies, and the last day of each month back to March 2026.
	if len(kept) != 7+2+10 || kept[len(kept)-1].Format("2006-01-02") != "2026-03-31" {
		t.Fatalf("a year on, %d backups are kept: %v", len(kept), kept)
	}
}

// expected recomputes the promise from the calendar alone: of the daily backups taken from
// first to now, those within the last 7 days, and the last one taken in each of the last 4
// weeks and each of the last 12 months.
func expected(now time.Time, days int, first time.Time, loc *time.Location) []time.Time {
	lastOfWeek, lastOfMonth := map[[2]int]time.Time{}, map[[2]int]time.Time{}
	var all []time.Time
	for i := 0; i <= days; i++ {
		t := first.AddDate(0, 0, i)
		all = append(all, t)
		y, w := t.ISOWeek()
		lastOfWeek[[2]int{y, w}] = t
		lastOfMonth[[2]int{t.Year(), int(t.Month())}] = t
	}
	keep := map[time.Time]bool{}
	for i := 0; i < 7; i++ {
		keep[now.AddDate(0, 0, -i)] = true
	}
	for i := 0; i < 4; i++ {
		y, w := now.AddDate(0, 0, -7*i).ISOWeek()
		if t, ok := lastOfWeek[[2]int{y, w}]; ok {
			keep[t] = true
		}
	}
	for i := 0; i < 12; i++ {
		m := time.Date(now.Year(), now.Month()-time.Month(i), 1, 0, 0, 0, 0, loc)
		if t, ok := lastOfMonth[[2]int{m.Year(), int(m.Month())}]; ok {
			keep[t] = true
		}
	}
	var out []time.Time
	for i := len(all) - 1; i >= 0; i-- {
		if keep[all[i]] && !all[i].Before(first) {
			out = append(out, all[i])
		}
	}
	return out
}
