package notify

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
)

// Of many workers that read the same due copy, exactly one claims it: the conditional UPDATE
// is what keeps two nodes from mailing one copy twice. A lease that ran out can be claimed
// again, once.
func TestClaimHasOneWinner(t *testing.T) {
	ctx := context.Background()
	// This node's own worker would join the race (and then find no notice behind the row).
	service.Notify().Stop()
	t.Cleanup(func() {
		if err := service.Notify().Start(ctx); err != nil {
			t.Error(err)
		}
	})
	now := gtime.Now()
	id, err := dao.NotificationDeliveries.Ctx(ctx).Data(do.NotificationDeliveries{
		NotificationId: -1, UserId: -1, Channel: "email", Status: statusPending, Attempts: 0,
		NextAttemptAt: now, CreatedAt: now, UpdatedAt: now,
	}).InsertAndGetId()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = dao.NotificationDeliveries.Ctx(ctx).WherePri(id).Delete() })
	race := func() int32 {
		var read entity.NotificationDeliveries
		if err := dao.NotificationDeliveries.Ctx(ctx).WherePri(id).Scan(&read); err != nil {
			t.Fatal(err)
		}
		var wins atomic.Int32
		var wg sync.WaitGroup
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				d := read // each worker holds its own copy of what it read
				if service.Notify().(*sNotify).claim(ctx, &d) {
					wins.Add(1)
				}
			}()
		}
		wg.Wait()
		return wins.Load()
	}
	if n := race(); n != 1 {
		t.Fatalf("%d workers claimed the copy", n)
	}
	if n := race(); n != 0 {
		t.Fatalf("a claimed copy was claimed again by %d", n)
	}
	// The claiming node died: once its lease is over the copy is due again, for one worker.
	if _, err = dao.NotificationDeliveries.Ctx(ctx).WherePri(id).Data(do.NotificationDeliveries{NextAttemptAt: gtime.Now().Add(-lease)}).Update(); err != nil {
		t.Fatal(err)
	}
	if n := race(); n != 1 {
		t.Fatalf("%d workers took over the expired lease", n)
	}
}
