package apicalls_test

import (
	"errors"
	"testing"
	"time"

	"kami/internal/logic/apicalls"
	"kami/internal/service"
)

// A drain broken between its steps — its transaction rolled back, or committed with Redis not
// told — loses nothing and adds nothing twice, while counts keep arriving meanwhile.
func TestInterruptedDrainNeitherLosesNorDoubles(t *testing.T) {
	admin, _, _ := staff(t)
	p := newProject(t, admin)
	fakeClock(t, time.Date(2026, 4, 10, 8, 0, 0, 0, shanghai(t)))
	const q = "from=2026-04-10&to=2026-04-10"
	want := map[string]int64{}
	count := func(endpoint, result string, n int) {
		for range n {
			service.ApiCalls().Count(p, endpoint, result)
		}
		want["2026-04-10 "+endpoint+" "+result] += int64(n)
	}
	check := func(what string) {
		t.Helper()
		sameCounts(t, what, listCalls(t, admin, p, q).byKey(), want)
	}

	count("verify", "VALID", 30)
	count("verify", "EXPIRED", 4)
	flush(t)
	// 1. The transaction fails after adding the counts: rolled back, the hash stays draining.
	apicalls.BreakDrain(t, func(stage string) error {
		if stage == "apply" {
			return errors.New("database went away")
		}
		return nil
	})
	if r := drain(t, admin); r.Status != "failed" {
		t.Fatalf("broken drain: %+v", r)
	}
	if n := len(tableCounts(t, p)); n != 0 {
		t.Fatalf("a rolled-back drain left %d rows", n)
	}
	// Counts arriving now go to a new live hash beside the draining one.
	count("verify", "VALID", 5)
	count("query", "OK", 2)
	flush(t)
	check("after a rolled-back drain")

	// 2. The transaction commits, then the run fails before Redis drops the hash.
	apicalls.BreakDrain(t, func(stage string) error {
		if stage == "applied" {
			return errors.New("redis went away")
		}
		return nil
	})
	if r := drain(t, admin); r.Status != "failed" {
		t.Fatalf("broken drain: %+v", r)
	}
	check("after a drain committed but not dropped")
	count("verify", "VALID", 1)
	flush(t)
	check("with more counts")

	// 3. Whole again: the next runs finish the job exactly.
	apicalls.BreakDrain(t, func(string) error { return nil })
	mustDrain(t, admin)
	sameCounts(t, "table", tableCounts(t, p), want)
	check("after the drain")
	if m := pendingMembers(t, p); len(m) != 0 {
		t.Fatalf("Redis still holds %v", m)
	}
	mustDrain(t, admin)
	sameCounts(t, "table after another run", tableCounts(t, p), want)
}
