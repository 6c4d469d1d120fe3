package job

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/gogf/gf/v2/os/gcron"
)

// A schedule is a gcron pattern: "@every <duration>" (whole seconds, at least 1s), one of
// gcron's predefined names (@hourly, @daily, ...), or six fields "sec min hour day month week"
// where a "#" seconds field means "any second of the minute".
//
// @every runs on a grid aligned to the Unix epoch (every 5m = :00, :05, :10 ...) rather than
// gcron's own @every, which counts from when each node added the entry: with two nodes those
// phases differ, and a restart would shift them. On a shared grid every node agrees on which slot
// a firing belongs to, which is what the cross-node dedup key needs.

var (
	everyPattern = regexp.MustCompile(`^@every\s+(\S+)$`)
	namedPattern = regexp.MustCompile(`^@(yearly|annually|monthly|weekly|daily|midnight|hourly)$`)
	fieldsSplit  = regexp.MustCompile(`\s+`)
)

// everyTick is the gcron pattern that drives @every schedules: a check each second.
const everyTick = "* * * * * *"

// slotKeep is how long a claimed slot stays claimed beyond the slot itself: far more than the
// clock and tick differences between nodes, so a late node never re-runs a slot.
const slotKeep = time.Minute

// every returns the interval of an @every schedule.
func every(pattern string) (time.Duration, bool) {
	m := everyPattern.FindStringSubmatch(pattern)
	if m == nil {
		return 0, false
	}
	d, err := time.ParseDuration(m[1])
	if err != nil || d < time.Second || d%time.Second != 0 {
		return 0, false
	}
	return d, true
}

// validate reports whether pattern is a schedule this scheduler can run, using gcron's own
// parser for everything but @every.
func validate(pattern string) bool {
	if pattern != strings.TrimSpace(pattern) || pattern == "" || len(pattern) > 64 {
		return false
	}
	if strings.HasPrefix(pattern, "@every") {
		_, ok := every(pattern)
		return ok
	}
	if !namedPattern.MatchString(pattern) && !fieldsInRange(pattern) {
		return false
	}
	c := gcron.New()
	e, err := c.Add(context.Background(), pattern, func(context.Context) {})
	if e != nil {
		e.Close()
	}
	c.Close()
	return err == nil
}

// cronPattern is what gcron is given for a schedule.
func cronPattern(pattern string) string {
	if _, ok := every(pattern); ok {
		return everyTick
	}
	return pattern
}

// slotOf names the scheduled slot a firing at t belongs to, identically on every node, and how
// long its claim must be kept.
//   - @every d: the epoch-aligned cell of length d containing t.
//   - patterns that fire at most once a minute (predefined names, a "#" or single-number
//     seconds field): the minute; gcron fires those on the first tick of the minute, whose
//     second differs between nodes.
//   - other patterns: the second, which gcron matched on every node alike.
func slotOf(pattern string, t time.Time) (slot int64, keep time.Duration) {
	if d, ok := every(pattern); ok {
		n := int64(d / time.Second)
		u := t.Unix()
		return u - u%n, d + slotKeep
	}
	if perMinute(pattern) {
		return t.Truncate(time.Minute).Unix(), time.Minute + slotKeep
	}
	return t.Unix(), slotKeep
}

func perMinute(pattern string) bool {
	if strings.HasPrefix(pattern, "@") {
		return true
	}
	sec := fieldsSplit.Split(pattern, -1)[0]
	if sec == "#" {
		return true
	}
	_, err := strconv.Atoi(sec)
	return err == nil
}

// fieldBounds are the value ranges of the six fields; gcron does not check them, so "61" would
// be accepted and never fire, and a "/0" step would make its parser loop forever.
var fieldBounds = [6][2]int{{0, 59}, {0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 6}}

// fieldsInRange checks the numbers and steps of a six-field pattern before gcron sees it;
// month and weekday names are left to gcron.
func fieldsInRange(pattern string) bool {
	fields := fieldsSplit.Split(pattern, -1)
	if len(fields) != 6 {
		return false
	}
	for i, f := range fields {
		if (i == 0 && f == "#") || ((i == 3 || i == 5) && f == "?") {
			continue
		}
		for _, elem := range strings.Split(f, ",") {
			rng, step, hasStep := strings.Cut(elem, "/")
			if hasStep {
				if n, err := strconv.Atoi(step); err != nil || n < 1 {
					return false
				}
			}
			if rng == "*" {
				continue
			}
			lo, hi, isRange := strings.Cut(rng, "-")
			if !numberInRange(lo, fieldBounds[i]) || (isRange && !numberInRange(hi, fieldBounds[i])) {
				return false
			}
			if isRange {
				a, errA := strconv.Atoi(lo)
				b, errB := strconv.Atoi(hi)
				if errA == nil && errB == nil && a > b {
					return false
				}
			}
		}
	}
	return true
}

// numberInRange accepts a number within bounds, or a non-number (a name) for gcron to judge.
func numberInRange(s string, bounds [2]int) bool {
	if s == "" {
		return false
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return s[0] < '0' || s[0] > '9'
	}
	return n >= bounds[0] && n <= bounds[1]
}
