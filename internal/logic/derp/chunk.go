package derp

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/dao"
)

// chunkRows is how many rows of a lifecycle scan's page share one transaction: a commit (and
// its log flush) per row was most of what a scan of 1,000 due rentals cost.
const chunkRows = 50

// inChunks runs each for the rows 0..n-1 of a page, chunkRows to a transaction, and calls
// after (outside the transaction, once it committed) for every row each changed. Each row's
// statements stay guarded on what the page read, so a row another writer moved meanwhile is
// skipped inside its chunk as it was in a transaction of its own. A chunk that fails is redone
// one row per transaction: the rows before the failing one land and its error is returned, as
// when every row had its own transaction, so one bad row never holds back its neighbours.
func inChunks(ctx context.Context, n int, each func(ctx context.Context, tx gdb.TX, i int) (bool, error),
	after func(i int)) (int, error) {
	done := 0
	var changed []int
	for lo := 0; lo < n; lo += chunkRows {
		hi := min(lo+chunkRows, n)
		changed = changed[:0]
		err := dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			for i := lo; i < hi; i++ {
				ok, err := each(ctx, tx, i)
				if err != nil {
					return err
				}
				if ok {
					changed = append(changed, i)
				}
			}
			return nil
		})
		if err != nil {
			changed = changed[:0] // rolled back
			if ctx.Err() == nil {
				err = nil
				for i := lo; i < hi; i++ {
					var ok bool
					if err = dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
						var err error
						ok, err = each(ctx, tx, i)
						return err
					}); err != nil {
						break
					}
					if ok {
						changed = append(changed, i)
					}
				}
			}
		}
		for _, i := range changed {
			if after != nil {
				after(i)
			}
		}
		done += len(changed)
		if err != nil {
			return done, err
		}
		if ctx.Err() != nil {
			return done, ctx.Err()
		}
	}
	return done, nil
}
