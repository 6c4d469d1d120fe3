package derp

import (
	"context"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/infra/redisx"
)

// admitChannel carries "<rentalId>" to every node after a commit that touched the rental, its
// devices or its containers (§7). It sits under the deployment's key prefix like every key.
func admitChannel() string { return redisx.Key("derp:admit:inv") }

// invalidateAdmission drops the rental from this node's admission snapshot at once and tells
// the other nodes. Call it after the commit: a node that reloads before the commit would keep
// the old rows. A lost message is bounded by the snapshot's 30 s TTL.
func (s *sDerp) invalidateAdmission(ctx context.Context, rentalID int64) {
	admitSnap.drop(rentalID)
	if _, err := g.Redis().Publish(context.WithoutCancel(ctx), admitChannel(), strconv.FormatInt(rentalID, 10)); err != nil {
		g.Log().Warningf(ctx, "derp: publishing the admission invalidation of rental %d: %v", rentalID, err)
	}
}

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
		admitSnap.dropAll()
		for {
			msg, err := conn.ReceiveMessage(ctx)
			if err != nil {
				break
			}
			if id, err := strconv.ParseInt(msg.Payload, 10, 64); err == nil {
				admitSnap.drop(id)
			}
		}
		_ = conn.Close(context.WithoutCancel(ctx))
		sleepCtx(ctx, 200*time.Millisecond)
	}
}

func sleepCtx(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
