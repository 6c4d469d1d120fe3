package derp

import (
	"context"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	goredis "github.com/redis/go-redis/v9"

	"kami/internal/infra/redisx"
)

// admitChannel carries "<rentalId>" to every node after a commit that touched the rental, its
// devices or its containers (§7). It sits under the deployment's key prefix like every key.
func admitChannel() string { return redisx.Key("derp:admit:inv") }

// invalidateAdmission drops the rental from this node's admission snapshot at once and tells
// the other nodes. Call it after the commit: a node that reloads before the commit would keep
// the old rows. A lost message is bounded by the snapshot's 30 s TTL.
func (s *sDerp) invalidateAdmission(ctx context.Context, rentalID int64) {
	s.invalidateAdmissions(ctx, []int64{rentalID})
}

// invalidateAdmissions is invalidateAdmission for the rentals of a scan's chunk: still one
// message per rental, as the contract has it, but sent in one pipeline, so a chunk of 50 costs
// one round trip instead of 50.
func (s *sDerp) invalidateAdmissions(ctx context.Context, rentalIDs []int64) {
	if len(rentalIDs) == 0 {
		return
	}
	for _, id := range rentalIDs {
		admitSnap.drop(id)
		// Counted before the PUBLISH: its echo may arrive before the call returns.
		admitEchoes.expect(id)
	}
	ctx = context.WithoutCancel(ctx)
	var err error
	if client, ok := g.Redis().Client().(goredis.UniversalClient); ok {
		_, err = client.Pipelined(ctx, func(p goredis.Pipeliner) error {
			for _, id := range rentalIDs {
				p.Publish(ctx, admitChannel(), strconv.FormatInt(id, 10))
			}
			return nil
		})
	} else {
		for _, id := range rentalIDs {
			if _, err = g.Redis().Publish(ctx, admitChannel(), strconv.FormatInt(id, 10)); err != nil {
				break
			}
		}
	}
	if err != nil {
		// Which of the messages left is unknown: forgetting all the expected echoes at worst
		// drops an entry once more when one comes back.
		for _, id := range rentalIDs {
			admitEchoes.take(id)
		}
		g.Log().Warningf(ctx, "derp: publishing the admission invalidation of %d rentals: %v", len(rentalIDs), err)
	}
}

// admitEchoes counts this node's own invalidations on their way back through its subscription.
// The publisher dropped the entry already; dropping it again when its message comes back would
// discard a load made in between, so a cold call right after a change would load twice (and a
// test's warm call, made after the change returned, could still find the entry gone).
var admitEchoes = echoes{n: map[int64]int{}}

type echoes struct {
	mu sync.Mutex
	n  map[int64]int
}

func (e *echoes) expect(id int64) {
	e.mu.Lock()
	e.n[id]++
	e.mu.Unlock()
}

// take consumes one expected echo of id: true means the message is this node's own. Messages
// arrive in the order Redis took the PUBLISHes, so when another node's message for the same
// rental comes first it is the one taken, and the own echo after it drops the entry instead:
// a drop is never lost, only moved later.
func (e *echoes) take(id int64) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.n[id] == 0 {
		return false
	}
	if e.n[id]--; e.n[id] == 0 {
		delete(e.n, id)
	}
	return true
}

// reset forgets the expected echoes: after a (re)subscription, one published while it was away
// never arrives and would otherwise swallow another node's message.
func (e *echoes) reset() {
	e.mu.Lock()
	e.n = map[int64]int{}
	e.mu.Unlock()
}

// AdmitEchoes counts the own invalidations this node's subscription received back (tests
// wait on it instead of sleeping).
var AdmitEchoes atomic.Int64

// StartAdmission runs this node's admission background work until ctx ends: the subscriber
// that drops invalidated rentals and the batcher that records unknown keys as pending.
func (s *sDerp) StartAdmission(ctx context.Context) {
	go s.subscribeAdmission(ctx)
	go admitSeen.run(ctx, s)
}

// subscribeAdmission listens on admitChannel, re-subscribing after a lost connection. Each
// (re)subscription drops the whole snapshot: messages sent while it was away are lost.
func (s *sDerp) subscribeAdmission(ctx context.Context) {
	for ctx.Err() == nil {
		conn, _, err := g.Redis().Subscribe(ctx, admitChannel())
		if err != nil {
			sleepCtx(ctx, time.Second)
			continue
		}
		admitEchoes.reset()
		admitSnap.dropAll()
		for {
			msg, err := conn.ReceiveMessage(ctx)
			if err != nil {
				break
			}
			received(admitSnap, &admitEchoes, msg.Payload)
		}
		_ = conn.Close(context.WithoutCancel(ctx))
		sleepCtx(ctx, 200*time.Millisecond)
	}
}

// received applies one admitChannel message to snap: another node's invalidation drops the
// rental; this node's own echo (expected in e) leaves it, since the publisher dropped it already.
func received(snap *admitSnapshot, e *echoes, payload string) {
	id, err := strconv.ParseInt(payload, 10, 64)
	if err != nil {
		return
	}
	if e.take(id) {
		AdmitEchoes.Add(1)
		return
	}
	snap.drop(id)
}

func sleepCtx(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
