package job

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// A schedule is a gcron-style pattern: "@every <duration>" (whole seconds, at least 1s), one of
// the predefined names (@hourly, @daily, ...), or six fields "sec min hour day month week" where
// a "#" seconds field means "once, at the start of the minute". Patterns are evaluated in the
// display zone (kami.timeZone, Asia/Shanghai by default), never in the process zone: "0 10 0 * * *"
// fires at 00:10 Shanghai time whatever TZ the node runs with.
//
// @every runs on a grid aligned to the Unix epoch (every 5m = :00, :05, :10 ...) rather than
// counting from when each node added the entry: with two nodes those phases would differ, and a
// restart would shift them. Every other pattern names its firings by their scheduled instant.
// Either way a firing's slot is the same number on every node, which the cross-node claim needs.

var (
	everyPattern = regexp.MustCompile(`^@every\s+(\S+)$`)
	namedPattern = regexp.MustCompile(`^@(yearly|annually|monthly|weekly|daily|midnight|hourly)$`)
	fieldsSplit  = regexp.MustCompile(`\s+`)
	cronParser   = cron.NewParser(cron.Second | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)
)

// slotKeep is how long a claimed slot stays claimed beyond the slot itself: far more than the
// clock and tick differences between nodes, so a late node never re-runs a slot.
const slotKeep = time.Minute

// plan gives the scheduled instants of a schedule.
type plan interface {
	// Next is the first scheduled instant strictly after t.
	Next(t time.Time) time.Time
}

// everyPlan is an @every schedule on the epoch-aligned grid.
type everyPlan struct{ seconds int64 }

func (p everyPlan) Next(t time.Time) time.Time {
	u := t.Unix()
	return time.Unix(u-u%p.seconds+p.seconds, 0)
}

// zonedPlan evaluates a cron pattern in a fixed zone.
type zonedPlan struct {
	spec cron.Schedule
	zone *time.Location
}

func (p zonedPlan) Next(t time.Time) time.Time { return p.spec.Next(t.In(p.zone)) }

// planOf parses a schedule for the given zone; ok is false for anything validate refuses.
func planOf(pattern string, zone *time.Location) (plan, bool) {
	if pattern != strings.TrimSpace(pattern) || pattern == "" || len(pattern) > 64 {
		return nil, false
	}
	if strings.HasPrefix(pattern, "@every") {
		d, ok := every(pattern)
		if !ok {
			return nil, false
		}
		return everyPlan{int64(d / time.Second)}, true
	}
	if !namedPattern.MatchString(pattern) && !fieldsInRange(pattern) {
		return nil, false
	}
	if strings.HasPrefix(pattern, "#") {
		pattern = "0" + pattern[1:]
	}
	spec, err := cronParser.Parse(pattern)
	if err != nil {
		return nil, false
	}
	return zonedPlan{spec: spec, zone: zone}, true
}

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

// validate reports whether pattern is a schedule this scheduler can run.
func validate(pattern string) bool {
	_, ok := planOf(pattern, time.UTC)
	return ok
}

// keepOf is how long the claim of one of the schedule's slots must be kept.
func keepOf(pattern string) time.Duration {
	if d, ok := every(pattern); ok {
		return d + slotKeep
	}
	return slotKeep
}

// fieldBounds are the value ranges of the six fields, checked before the parser sees them so
// that every refusal reads the same.
var fieldBounds = [6][2]int{{0, 59}, {0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 6}}

// fieldsInRange checks the numbers and steps of a six-field pattern; month and weekday names are
// left to the parser.
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

// numberInRange accepts a number within bounds, or a non-number (a name) for the parser to judge.
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
