package quota

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"kami/internal/dao"
	"kami/internal/model/do"
)

// Whatever the batch size, the account ranges cover every account exactly once: the
// differences found in batches of 1, 2 and 7 are those found in one batch.
func TestCompareAccountsBatchesCoverEveryAccount(t *testing.T) {
	ctx := context.Background()
	// An account row no entry backs, as a bug could leave, under an id no user has.
	ghost := int64(1) << 40
	if _, err := dao.QuotaAccounts.Ctx(ctx).Data(do.QuotaAccounts{UserId: ghost, Available: 5, Frozen: 0}).Insert(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = dao.QuotaAccounts.Ctx(ctx).Where("user_id", ghost).Delete() })
	accounts, err := dao.QuotaAccounts.Ctx(ctx).Count()
	if err != nil {
		t.Fatal(err)
	}
	scan := func(batch int) (found []string, passes int) {
		for after, more := int64(0), true; more; passes++ {
			var bad []mismatch
			if bad, after, more, err = compareAccounts(ctx, after, batch); err != nil {
				t.Fatal(err)
			}
			for _, m := range bad {
				found = append(found, fmt.Sprint(m.user, m.buckets))
			}
		}
		slices.Sort(found)
		return found, passes
	}
	want, _ := scan(accounts + 1)
	if !slices.Contains(want, fmt.Sprint(ghost, []bucketDiff{{bucket: "available", balance: 5, entries: 0}})) {
		t.Fatalf("the ghost account is not among the differences %v", want)
	}
	for _, batch := range []int{1, 2, 7} {
		got, passes := scan(batch)
		if !slices.Equal(got, want) {
			t.Errorf("batch %d: %v, want %v", batch, got, want)
		}
		if passes < accounts/batch {
			t.Errorf("batch %d: %d passes over %d accounts", batch, passes, accounts)
		}
	}
}
