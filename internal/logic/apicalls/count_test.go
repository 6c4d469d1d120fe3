package apicalls_test

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"kami/internal/logic/apicalls"
	"kami/internal/service"
	"kami/internal/testkit"
)

// 50 goroutines count 200 calls each through the Go API; after a flush and the job the list
// and the table hold the exact sums, and a second run of the job changes nothing.
func TestCountsFromManyGoroutinesAreExact(t *testing.T) {
	admin, _, _ := staff(t)
	p := newProject(t, admin)
	other := newProject(t, admin)
	fakeClock(t, time.Date(2026, 5, 20, 12, 0, 0, 0, shanghai(t)))
	results := []struct{ endpoint, result string }{
		{"verify", "VALID"}, {"verify", "EXPIRED"}, {"query", "OK"}, {"unbind", "UNBOUND"}, {"verify", "SIGNATURE_INVALID"},
	}
	const workers, calls = 50, 200
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range calls {
				r := results[(w+i)%len(results)]
				service.ApiCalls().Count(p, r.endpoint, r.result)
				if i%10 == 0 {
					service.ApiCalls().Count(other, "keys", "OK")
				}
			}
		}()
	}
	wg.Wait()
	want := map[string]int64{}
	for w := range workers {
		for i := range calls {
			r := results[(w+i)%len(results)]
			want["2026-05-20 "+r.endpoint+" "+r.result]++
		}
	}
	flush(t)
	const q = "from=2026-05-20&to=2026-05-20"
	// Before the job: what Redis holds.
	l := listCalls(t, admin, p, q)
	sameCounts(t, "list before the job", l.byKey(), want)
	if l.Calls != workers*calls || l.From != "2026-05-20" || l.To != "2026-05-20" {
		t.Fatalf("list %+v", l)
	}
	mustDrain(t, admin)
	sameCounts(t, "table", tableCounts(t, p), want)
	sameCounts(t, "list after the job", listCalls(t, admin, p, q).byKey(), want)
	sameCounts(t, "other project", tableCounts(t, other), map[string]int64{"2026-05-20 keys OK": workers * calls / 10})
	if m := pendingMembers(t, p); len(m) != 0 {
		t.Fatalf("Redis still holds %v", m)
	}
	mustDrain(t, admin)
	sameCounts(t, "table after a second run", tableCounts(t, p), want)
	l = listCalls(t, admin, p, q)
	sameCounts(t, "list after a second run", l.byKey(), want)
	// Totals per result, most calls first; filters narrow both.
	var sum int64
	for i, tot := range l.Totals {
		sum += tot.Calls
		if i > 0 && tot.Calls > l.Totals[i-1].Calls {
			t.Fatalf("totals out of order: %+v", l.Totals)
		}
	}
	if sum != workers*calls || len(l.Totals) != len(results) {
		t.Fatalf("totals %+v", l.Totals)
	}
	f := listCalls(t, admin, p, q+"&endpoint=verify&result=VALID")
	if len(f.Items) != 1 || f.Calls != want["2026-05-20 verify VALID"] || len(f.Totals) != 1 {
		t.Fatalf("filtered %+v", f)
	}
}

// A flush whose answer was lost is sent again with the same sequence number: Redis adds it once.
func TestResentFlushIsAddedOnce(t *testing.T) {
	admin, _, _ := staff(t)
	p := newProject(t, admin)
	if err := apicalls.SendTwice(ctx, p, 20260601, "verify", "VALID", 7); err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{"2026-06-01 verify VALID": 7}
	sameCounts(t, "list", listCalls(t, admin, p, "from=2026-06-01&to=2026-06-01").byKey(), want)
	mustDrain(t, admin)
	sameCounts(t, "table", tableCounts(t, p), want)
}

// Stop writes what the node counted, as a graceful restart does; Start runs the loop again.
func TestStopFlushesWhatIsBuffered(t *testing.T) {
	admin, _, _ := staff(t)
	p := newProject(t, admin)
	fakeClock(t, time.Date(2026, 7, 1, 9, 0, 0, 0, shanghai(t)))
	for range 5 {
		service.ApiCalls().Count(p, "query", "OK")
	}
	service.ApiCalls().Stop()
	t.Cleanup(func() {
		if err := service.ApiCalls().Start(ctx); err != nil {
			t.Error(err)
		}
	})
	sameCounts(t, "after Stop", listCalls(t, admin, p, "from=2026-07-01&to=2026-07-01").byKey(),
		map[string]int64{"2026-07-01 query OK": 5})
}

// Count is on the path of every OpenAPI request: once its key was seen it allocates nothing.
func TestCountAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates on its own")
	}
	admin := testkit.Current().Admin(t)
	p := newProject(t, admin)
	fakeClock(t, time.Date(2026, 8, 1, 9, 0, 0, 0, shanghai(t)))
	endpoint, result := "verify", fmt.Sprint("VALID")
	service.ApiCalls().Count(p, endpoint, result)
	if n := testing.AllocsPerRun(1000, func() { service.ApiCalls().Count(p, endpoint, result) }); n != 0 {
		t.Fatalf("Count allocates %.1f times per call", n)
	}
	flush(t)
}

// BenchmarkApiCallsCount: Count from every P at once on one key (the OpenAPI's hot path, the
// worst case for contention), against a bare atomic add on one shared counter as the baseline.
func BenchmarkApiCallsCount(b *testing.B) {
	admin := testkit.Current().Admin(b)
	var p struct {
		ID int64 `json:"id"`
	}
	admin.Post(b, "/api/projects", map[string]any{
		"name":  testkit.UniqueName("bench"),
		"plans": []map[string]any{{"name": "month", "durationSeconds": 2592000, "price": 100, "maxDevices": 1}},
	}).Expect(b, 200).Decode(b, &p)
	b.Run("baseline-atomic", func(b *testing.B) {
		var n atomic.Int64
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				n.Add(1)
			}
		})
	})
	b.Run("count", func(b *testing.B) {
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				service.ApiCalls().Count(p.ID, "verify", "VALID")
			}
		})
	})
	if err := service.ApiCalls().Flush(ctx); err != nil {
		b.Fatal(err)
	}
}
