package derp_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/dao"
	"kami/internal/logic/derp"
	"kami/internal/model/do"
	"kami/internal/testkit"
)

// The lifecycle scans write a chunk of rows per transaction. A chunk commits whole, and what
// each row changed is reported after the commit; a row that fails rolls its chunk back, which
// is then redone a row per transaction, so the rows before the failing one land (as when every
// row had its own transaction), the later ones wait for the next run, and a failure that does
// not repeat costs nothing.
func TestInChunks(t *testing.T) {
	boom := errors.New("row failed")
	cases := []struct {
		name     string
		n        int
		fail     func(i, attempt int) bool
		skip     func(i int) bool
		wantDone int
		wantErr  bool
	}{
		{name: "all land over several chunks", n: derp.ChunkRows + 5, wantDone: derp.ChunkRows + 5},
		{name: "unchanged rows are not counted", n: 8, skip: func(i int) bool { return i%2 == 1 }, wantDone: 4},
		{name: "a failing row keeps the rows before it", n: 10, fail: func(i, _ int) bool { return i == 6 }, wantDone: 6, wantErr: true},
		{name: "a failing row in the second chunk", n: derp.ChunkRows + 10, fail: func(i, _ int) bool { return i == derp.ChunkRows+2 },
			wantDone: derp.ChunkRows + 2, wantErr: true},
		{name: "a failure that does not repeat", n: 10, fail: func(i, attempt int) bool { return i == 3 && attempt == 0 }, wantDone: 10},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			tag := testkit.UniqueName("chunk")
			key := func(i int) string { return fmt.Sprintf("%s:%d", tag, i) }
			attempts := map[int]int{}
			var after []int
			done, err := derp.InChunksForTest(ctx, tc.n, func(ctx context.Context, _ gdb.TX, i int) (bool, error) {
				attempt := attempts[i]
				attempts[i]++
				if tc.skip != nil && tc.skip(i) {
					return false, nil
				}
				if _, err := dao.DerpNotices.Ctx(ctx).Data(do.DerpNotices{DedupKey: key(i), Kind: "expired",
					Template: "derp.expired", UserId: 1, Params: "{}"}).Insert(); err != nil {
					return false, err
				}
				if tc.fail != nil && tc.fail(i, attempt) {
					return false, boom
				}
				return true, nil
			}, func(i int) { after = append(after, i) })
			if done != tc.wantDone || (err != nil) != tc.wantErr || (err != nil && !errors.Is(err, boom)) {
				t.Fatalf("done %d err %v; want %d, error %v", done, err, tc.wantDone, tc.wantErr)
			}
			var landed, wantAfter []int
			for i := 0; i < tc.n; i++ {
				c, err := dao.DerpNotices.Ctx(ctx).Where("dedup_key", key(i)).Count()
				if err != nil {
					t.Fatal(err)
				}
				if c == 1 {
					landed = append(landed, i)
				}
			}
			for i := 0; i < tc.n && len(wantAfter) < tc.wantDone; i++ {
				if tc.skip == nil || !tc.skip(i) {
					wantAfter = append(wantAfter, i)
				}
			}
			if !reflect.DeepEqual(after, wantAfter) || !reflect.DeepEqual(landed, wantAfter) {
				t.Fatalf("after %v, landed %v; want %v", after, landed, wantAfter)
			}
		})
	}
}
