package testkit

import (
	"sync"
	"sync/atomic"
)

// Fanout calls fn(0) … fn(n-1) over workers goroutines, each taking the next index as it gets
// free (so a slow call never holds the others back), and returns when all have run. The load
// generators of the benchmarks share it.
func Fanout(n, workers int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}
