package derp

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
)

// chunkRows is how many rows of a lifecycle scan's page share one transaction: a commit (and
// its log flush) per row was most of what a scan of 1,000 due rentals cost.
const chunkRows = 50

// chunk is one transaction of a lifecycle scan. Each row's guarded write runs as the row
// comes; what the rows can share waits here for the chunk's end, still inside the
// transaction: the containers' new desired state with their converge ops, and the notices to
// the core notification service.
type chunk struct {
	tx      gdb.TX
	desired map[string][]int64 // rental state → rentals whose containers follow it (setDesired)
	removed []int64            // rentals whose containers are removed (removeContainersOf)
	notices []model.Notice
}

// setDesired is setDesired at the chunk's end.
func (c *chunk) setDesired(rentalID int64, state string) {
	if c.desired == nil {
		c.desired = map[string][]int64{}
	}
	c.desired[state] = append(c.desired[state], rentalID)
}

// remove is removeContainersOf at the chunk's end.
func (c *chunk) remove(rentalID int64) { c.removed = append(c.removed, rentalID) }

func (c *chunk) flush(ctx context.Context) error {
	for state, ids := range c.desired {
		if err := setDesiredOf(ctx, ids, state); err != nil {
			return err
		}
	}
	if err := removeContainersOf(ctx, c.removed); err != nil {
		return err
	}
	_, err := service.Notify().SendEach(ctx, c.notices)
	return err
}

// chunkScan is what a scan does with the rows 0..n-1 of a page. each writes row i and says
// whether it changed it; end (optional) runs after the chunk's rows with those each changed;
// after (optional) runs with the rows a chunk changed once it committed.
type chunkScan struct {
	each  func(ctx context.Context, c *chunk, i int) (bool, error)
	end   func(ctx context.Context, c *chunk, changed []int) error
	after func(changed []int)
}

// inChunks runs a scan's page chunkRows rows to a transaction. Each row's statements stay
// guarded on what the page read, so a row another writer moved meanwhile is skipped inside
// its chunk as it was in a transaction of its own. A chunk that fails is redone one row per
// transaction: the rows before the failing one land and its error is returned, as when every
// row had its own transaction, so one bad row never holds back its neighbours.
func inChunks(ctx context.Context, n int, scan chunkScan) (int, error) {
	done := 0
	for lo := 0; lo < n; lo += chunkRows {
		hi := min(lo+chunkRows, n)
		changed, err := runChunk(ctx, scan, lo, hi)
		if err != nil && ctx.Err() == nil {
			changed, err = nil, nil
			for i := lo; i < hi && err == nil; i++ {
				var one []int
				one, err = runChunk(ctx, scan, i, i+1)
				changed = append(changed, one...)
			}
		}
		if scan.after != nil && len(changed) > 0 {
			scan.after(changed)
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

// runChunk runs rows lo..hi-1 in one transaction and answers the rows it changed (none when
// it rolled back).
func runChunk(ctx context.Context, scan chunkScan, lo, hi int) ([]int, error) {
	var changed []int
	err := dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		c := &chunk{tx: tx}
		for i := lo; i < hi; i++ {
			ok, err := scan.each(ctx, c, i)
			if err != nil {
				return err
			}
			if ok {
				changed = append(changed, i)
			}
		}
		if scan.end != nil && len(changed) > 0 {
			if err := scan.end(ctx, c, changed); err != nil {
				return err
			}
		}
		return c.flush(ctx)
	})
	if err != nil {
		return nil, err
	}
	return changed, nil
}

// idsAt answers the ids of rows at the positions a chunk changed.
func idsAt(rows []*entity.DerpRentals, at []int) []int64 {
	out := make([]int64, len(at))
	for j, i := range at {
		out[j] = rows[i].Id
	}
	return out
}
