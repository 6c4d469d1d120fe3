package hostop

import (
	"context"
	"sync"

	"kami/internal/model/entity"
)

// Drain runs ops until none is due, starting each as soon as its server has a free slot. A
// round of RunOnce ends with its slowest op, and every server's next ops wait for it: a burst
// (a server's 30 containers) drained in rounds of 4 as slow as the slowest host. The per-server
// cap (counted in the database, so across nodes), the lease and the order of one container's
// ops are RunOnce's. It answers how many ops it ran; on a failed claim it waits for the ops it
// started and answers the error.
func (w *Worker) Drain(ctx context.Context) (int, error) {
	var (
		mu      sync.Mutex
		queued  = map[int64][]*entity.DerpHostOps{} // lanes running here: the ops not started yet
		running int
		wg      sync.WaitGroup
		freed   = make(chan struct{}, 1)
	)
	signal := func() {
		select {
		case freed <- struct{}{}:
		default: // a claim is due already
		}
	}
	runLane := func(ctx context.Context, lane int64, op *entity.DerpHostOps) {
		defer wg.Done()
		for op != nil {
			w.finish(ctx, op, w.execute(ctx, op))
			mu.Lock()
			if q := queued[lane]; len(q) > 0 {
				op, queued[lane] = q[0], q[1:]
			} else {
				op = nil
				delete(queued, lane)
				running--
			}
			mu.Unlock()
			signal() // a slot of the op's server is free
		}
	}
	total := 0
	for {
		claimed, err := w.claimDue(ctx)
		if err != nil {
			wg.Wait()
			return total, err
		}
		opCtx := serversOf(ctx, claimed)
		mu.Lock()
		for _, op := range claimed {
			lane := laneOf(op)
			if q, ok := queued[lane]; ok { // its container's lane is running: after the ops before it
				queued[lane] = append(q, op)
				continue
			}
			queued[lane] = nil
			running++
			wg.Add(1)
			go runLane(opCtx, lane, op)
		}
		idle := running == 0
		mu.Unlock()
		total += len(claimed)
		if idle {
			return total, nil
		}
		select {
		case <-freed:
		case <-ctx.Done():
			wg.Wait()
			return total, ctx.Err()
		}
	}
}
