package backup

import (
	"sort"
	"time"
)

// Keep is the retention rule (seed 001 §10): of the backups taken at the given times, keep
// every one of the last 7 days (dailies), the newest of each of the last 4 ISO weeks
// (weeklies) and the newest of each of the last 12 months (monthlies); everything else may
// go. Days, weeks and months are those of loc (the display zone), counted back from now's.
// It returns the times to keep, newest first.
func Keep(now time.Time, taken []time.Time, loc *time.Location) []time.Time {
	now = now.In(loc)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	sorted := append([]time.Time(nil), taken...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].After(sorted[j]) })
	keep := map[time.Time]bool{}
	week := func(t time.Time) int { y, w := t.ISOWeek(); return y*100 + w }
	month := func(t time.Time) int { return t.Year()*100 + int(t.Month()) }
	weeks, months := map[int]bool{}, map[int]bool{}
	thisWeek, thisMonth := week(now), month(now)
	oldestWeek := week(today.AddDate(0, 0, -7*3))
	oldestMonth := month(time.Date(now.Year(), now.Month()-11, 1, 0, 0, 0, 0, loc))
	for _, t := range sorted {
		lt := t.In(loc)
		if t.After(now) {
			continue
		}
		if !lt.Before(today.AddDate(0, 0, -6)) {
			keep[t] = true
		}
		if w := week(lt); w >= oldestWeek && w <= thisWeek && !weeks[w] {
			weeks[w], keep[t] = true, true
		}
		if m := month(lt); m >= oldestMonth && m <= thisMonth && !months[m] {
			months[m], keep[t] = true, true
		}
	}
	out := make([]time.Time, 0, len(keep))
	for _, t := range sorted {
		if keep[t] {
			out = append(out, t)
		}
	}
	return out
}
