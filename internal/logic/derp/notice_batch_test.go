package derp_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/logic/derp"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

// chunkNoticeWorld is three owners with a rental each (rows the notices are given, not read)
// and the dedup keys of their notices.
type chunkNoticeWorld struct {
	rentals []*entity.DerpRentals
	keys    []string
}

func newChunkNoticeWorld(t *testing.T) chunkNoticeWorld {
	t.Helper()
	root := testkit.SuperAdmin(t)
	tag := testkit.UniqueName("cn")
	var w chunkNoticeWorld
	for i := range 3 {
		u := testkit.SeedUser(t, consts.RoleMember, root)
		w.rentals = append(w.rentals, &entity.DerpRentals{Id: 1<<40 + int64(i), UserId: u.ID, // rows the test holds: none is read
			RentalNo: fmt.Sprintf("%s-%d", tag, i), ExpiresAt: gtime.NewFromTime(time.Now())})
		w.keys = append(w.keys, fmt.Sprintf("deregistered:%s-%d", tag, i))
	}
	return w
}

// record writes the derp_notices row of key i as another writer would, outside any chunk.
func (w chunkNoticeWorld) record(t *testing.T, i int) {
	t.Helper()
	r := w.rentals[i]
	if _, err := dao.DerpNotices.Ctx(context.Background()).Data(do.DerpNotices{DedupKey: w.keys[i],
		Kind: "deregistered", Template: "derp.deregistered", UserId: r.UserId, RentalId: r.Id}).Insert(); err != nil {
		t.Fatal(err)
	}
}

// run sends the three notices from one chunk of a scan; before runs inside its transaction
// first, once.
func (w chunkNoticeWorld) run(t *testing.T, before func(ctx context.Context)) {
	t.Helper()
	if err := derp.DeregisteredNoticesForTest(w.rentals, w.keys, before); err != nil {
		t.Fatal(err)
	}
}

// expect checks that each owner's inbox holds its notice once, or not at all where skipped.
func (w chunkNoticeWorld) expect(t *testing.T, skipped int) {
	t.Helper()
	ctx := context.Background()
	for i, r := range w.rentals {
		n, err := dao.DerpNotices.Ctx(ctx).Where("dedup_key", w.keys[i]).Count()
		if err != nil || n != 1 {
			t.Fatalf("key %d: %d derp_notices rows (%v), want 1", i, n, err)
		}
		inbox, err := dao.Notifications.Ctx(ctx).Where("user_id", r.UserId).Where("dedup_key", "derp:"+w.keys[i]).Count()
		want := 1
		if i == skipped {
			want = 0
		}
		if err != nil || inbox != want {
			t.Fatalf("owner %d: %d inbox notices (%v), want %d", i, inbox, err, want)
		}
	}
}

// A chunk's notices go out in one read and one INSERT: a key recorded already is skipped,
// the others reach their owners once each.
func TestChunkNoticesSkipRecordedKeys(t *testing.T) {
	w := newChunkNoticeWorld(t)
	w.record(t, 1)
	w.run(t, nil)
	w.expect(t, 1)
	w.run(t, nil) // a second run finds every key recorded
	w.expect(t, 1)
}

// A key another writer records after the chunk's snapshot (MySQL's repeatable read hides it
// from the chunk's read, the INSERT IGNORE meets it) fails the chunk, and the row-by-row redo
// sends the others once and that one not at all.
func TestChunkNoticesRaceRedoesRowByRow(t *testing.T) {
	if !strings.HasPrefix(testkit.Current().DBLink, "mysql:") {
		t.Skip("SQLite serializes the writers: the race needs MySQL (KAMI_TEST_BACKEND=real)")
	}
	w := newChunkNoticeWorld(t)
	w.run(t, func(ctx context.Context) {
		// The chunk's first read fixes its snapshot; the other writer commits after it.
		if _, err := dao.DerpNotices.Ctx(ctx).Where("dedup_key", w.keys[2]).Count(); err != nil {
			t.Fatal(err)
		}
		w.record(t, 2)
	})
	w.expect(t, 2)
}
