package hostop_test

import (
	"context"
	"sync"
	"testing"
)

// Two nodes' workers claiming the same due ops at once: each op is run by exactly one of them
// (one docker run per container), and every op ends done.
func TestConcurrentClaimsRunEachOpOnce(t *testing.T) {
	r := newRig(t)
	r.run() // the prepare
	var ops []int64
	for i := 0; i < 8; i++ {
		ops = append(ops, r.converge(r.container(20100+i, "running")))
	}
	other := *r.w
	other.Owner = "test-other"
	var wg sync.WaitGroup
	for _, w := range []func(context.Context) (int, error){r.w.RunOnce, other.RunOnce} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				if _, err := w(context.Background()); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, id := range ops {
		if o := r.op(id); o.State != "done" || o.Attempts != 1 {
			t.Fatalf("op %d: %s after %d attempts (%s)", id, o.State, o.Attempts, o.LastError)
		}
	}
	if n := r.fake.Count("docker run -d"); n != 8 {
		t.Fatalf("%d docker runs for 8 containers", n)
	}
}
