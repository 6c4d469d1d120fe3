package quota_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/consts"
	"kami/internal/infra/db"
	"kami/internal/model"
	"kami/internal/service"
	"kami/internal/testkit"
)

// BenchmarkQuotaReserveCommit is the ledger's half of one relay request, one after another:
// Reserve under the account lock in a transaction of the caller's, then Commit in another
// (relay.md §3 "exactly the two transactions"). It reports the statements each pair sends, so
// a change that adds one shows here before it shows as latency in the relay's figures.
func BenchmarkQuotaReserveCommit(b *testing.B) {
	u := testkit.SeedUser(b, consts.RoleAgent, testkit.SuperAdmin(b))
	ctx := context.Background()
	if _, err := service.Quota().Credit(ctx, nil, model.QuotaMove{UserID: u.ID, Amount: benchFunds,
		Type: model.QuotaTypeSystemRecharge}); err != nil {
		b.Fatal(err)
	}
	q := service.Quota()
	pair := func(ctx context.Context, i int) error {
		ref := "bench:" + strconv.Itoa(i) + ":" + testkit.UniqueName("r")
		var res int64
		err := q.Lock(ctx, []int64{u.ID}, func(ctx context.Context) error {
			return g.DB().Transaction(ctx, func(ctx context.Context, tx gdb.TX) (err error) {
				res, err = q.Reserve(ctx, tx, model.QuotaReserve{UserID: u.ID, Amount: 100, Type: model.QuotaTypeRelay,
					Ref: ref, IdemKey: ref + ":r"})
				return err
			})
		})
		if err != nil {
			return err
		}
		return q.Lock(ctx, []int64{u.ID}, func(ctx context.Context) error {
			return g.DB().Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
				_, err := q.Commit(ctx, tx, res, 60, model.QuotaCommit{IdemKey: ref + ":s", AllowOverage: true})
				return err
			})
		})
	}
	var m db.Meter
	mctx := db.WithMeter(ctx, &m)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if err := pair(mctx, i); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	r, w := m.Statements()
	b.ReportMetric(float64(r)/float64(b.N), "reads/op")
	b.ReportMetric(float64(w)/float64(b.N), "writes/op")
}
