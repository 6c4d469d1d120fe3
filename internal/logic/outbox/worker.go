package outbox

import (
	"context"
	"sync"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/service"
)

// Start fixes the topic registry and starts this node's poll loop. After Stop it starts
// again; while running it does nothing.
func (s *sOutbox) Start(ctx context.Context) error {
	sealTopics()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		return nil
	}
	base, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s.cancel, s.loopDone = cancel, make(chan struct{})
	go s.loop(base, s.loopDone)
	return nil
}

// Stop ends claiming and waits for the attempts in flight, which end within outbox.timeout,
// to be sent and recorded, so a graceful stop leaves no lease behind for others to wait out.
func (s *sOutbox) Stop() {
	s.mu.Lock()
	if s.cancel == nil {
		s.mu.Unlock()
		return
	}
	s.cancel()
	s.cancel = nil
	done := s.loopDone
	s.stopping = true
	s.mu.Unlock()
	<-done
	s.inflight.Wait()
	s.mu.Lock()
	s.stopping = false
	s.mu.Unlock()
}

func (s *sOutbox) loop(ctx context.Context, done chan struct{}) {
	defer close(done)
	tick := time.NewTicker(pollInterval)
	defer tick.Stop()
	for {
		if full, _ := s.pass(ctx); full {
			s.wake() // a full batch: there may be more due right now
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-s.wakeCh:
		}
	}
}

// pass claims as many due events as this node has free slots for and starts their attempts.
// It reports whether it filled every slot it looked for, and returns a wait for the attempts
// it started.
func (s *sOutbox) pass(ctx context.Context) (full bool, wait func()) {
	var started sync.WaitGroup
	slots := s.reserve(int(service.Settings().Int(SettingConcurrency)))
	if slots == 0 {
		return false, started.Wait
	}
	claims, err := s.claim(ctx, slots)
	if err != nil && ctx.Err() == nil {
		g.Log().Warningf(ctx, "outbox: claim: %v", err)
	}
	s.release(slots - len(claims))
	for _, c := range claims {
		started.Add(1)
		go func() {
			defer started.Done()
			defer s.release(1)
			// The attempt outlives a Stop (which waits for it) but not its timeout.
			s.attempt(context.WithoutCancel(ctx), c)
			s.wake() // a slot is free
		}()
	}
	return len(claims) == slots, started.Wait
}

// reserve takes up to want free attempt slots, none while stopping.
func (s *sOutbox) reserve(want int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := want - s.busy
	if s.stopping || n <= 0 {
		return 0
	}
	s.busy += n
	s.inflight.Add(n)
	return n
}

func (s *sOutbox) release(n int) {
	if n <= 0 {
		return
	}
	s.mu.Lock()
	s.busy -= n
	s.mu.Unlock()
	s.inflight.Add(-n)
}
