package derp

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

// Unknown keys are recorded as pending (source seen) off the hot path (§7 (5)), at most once
// per (rental, key) per seenEvery on this node.
const (
	seenEvery    = 10 * time.Minute
	seenQueueCap = 10000
	seenFlush    = time.Second
)

type seenKey struct {
	rentalID int64
	nodeKey  string
}

type seenItem struct {
	seenKey
	ip string
	at time.Time
}

type seenBatcher struct {
	mu    sync.Mutex
	last  map[seenKey]time.Time
	queue []seenItem
	kick  chan struct{}
}

var admitSeen = &seenBatcher{last: map[seenKey]time.Time{}, kick: make(chan struct{}, 1)}

// offer queues the key unless it was queued within seenEvery; a full queue drops it (the next
// connect offers it again).
func (b *seenBatcher) offer(rentalID int64, key, ip string, now time.Time) {
	k := seenKey{rentalID, key}
	b.mu.Lock()
	if at, ok := b.last[k]; ok && now.Sub(at) < seenEvery && !now.Before(at) {
		b.mu.Unlock()
		return
	}
	if len(b.queue) >= seenQueueCap {
		b.mu.Unlock()
		return
	}
	if len(b.last) > 4*seenQueueCap {
		for x, at := range b.last {
			if now.Sub(at) >= seenEvery {
				delete(b.last, x)
			}
		}
	}
	b.last[k] = now
	b.queue = append(b.queue, seenItem{k, ip, now})
	b.mu.Unlock()
	select {
	case b.kick <- struct{}{}:
	default:
	}
}

func (b *seenBatcher) run(ctx context.Context, s *sDerp) {
	tk := time.NewTicker(seenFlush)
	defer tk.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-b.kick:
		case <-tk.C:
		}
		b.mu.Lock()
		items := b.queue
		b.queue = nil
		b.mu.Unlock()
		for _, it := range items {
			if err := recordSeen(ctx, it); err != nil && ctx.Err() == nil {
				g.Log().Warningf(ctx, "derp: recording seen key of rental %d: %v", it.rentalID, err)
			}
		}
	}
}

// recordSeen inserts the key pending, or refreshes a pending row's last sighting; approved and
// blocked rows are the customer's decision and stay as they are. The seen row changes nothing
// the hook decides on, so no invalidation follows.
func recordSeen(ctx context.Context, it seenItem) error {
	ip := it.ip
	if len(ip) > 64 {
		ip = ip[:64]
	}
	dc := dao.DerpDevices.Columns()
	var d *entity.DerpDevices
	if err := dao.DerpDevices.Ctx(ctx).Where(dc.RentalId, it.rentalID).Where(dc.NodeKey, it.nodeKey).Scan(&d); err != nil && !dbx.IsNoRows(err) {
		return err
	}
	at := gtime.NewFromTime(it.at)
	if d == nil {
		_, err := dao.DerpDevices.Ctx(ctx).Data(do.DerpDevices{RentalId: it.rentalID, NodeKey: it.nodeKey, Name: "",
			Status: devicePending, Source: sourceSeen, Ips: ip, LastSeenAt: at}).Insert()
		if err != nil && dbx.IsUniqueViolation(err) {
			return nil
		}
		return err
	}
	if d.Status != devicePending {
		return nil
	}
	ips := d.Ips
	if ip != "" && !strings.Contains(","+ips+",", ","+ip+",") {
		ips = strings.Trim(ip+","+ips, ",")
		if len(ips) > 255 {
			ips = ips[:255]
		}
	}
	_, err := dao.DerpDevices.Ctx(ctx).Data(do.DerpDevices{Ips: ips, LastSeenAt: at}).WherePri(d.Id).
		Where(dc.Status, devicePending).Update()
	return err
}
