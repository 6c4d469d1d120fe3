package derp

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

// DeregisterRentals is derp.deregister (§4, §10). Expired rentals 30 days past expiry whose
// account is settled start deregistering (containers desired=removed, the host worker removes
// them); unsettled ones are held with the reason and nothing is touched. Deregistering rentals
// whose containers are all gone finish: ports quarantined, ACL revoked, history written, the
// customer told. The account itself is never touched. Both passes read what they need per page
// and write a chunk of rows per transaction (inChunks).
func (s *sDerp) DeregisterRentals(ctx context.Context) (int, error) {
	cols := dao.DerpRentals.Columns()
	cutoff := s.now().Add(-deregisterGrace)
	// Most runs find nothing: one indexed look for either kind of work answers them, instead of
	// the two scans below (B2's "nothing due" is measured against one such SELECT).
	due, err := dao.DerpRentals.Ctx(ctx).Fields(cols.Id).
		Where("("+cols.State+" = ? AND "+cols.ExpiresAt+" <= ?) OR "+cols.State+" = ?",
			rentalExpired, gtime.NewFromTime(cutoff), rentalDeregistering).Limit(1).Value()
	if err != nil && !dbx.IsNoRows(err) {
		return 0, err
	}
	if due.IsEmpty() {
		return 0, nil
	}
	var last int64
	for {
		var rows []*entity.DerpRentals
		err := dao.DerpRentals.Ctx(ctx).Where(cols.State, rentalExpired).WhereLTE(cols.ExpiresAt, gtime.NewFromTime(cutoff)).
			Where(afterID, last).OrderAsc(cols.Id).Limit(jobBatch).Scan(&rows)
		if err != nil && !dbx.IsNoRows(err) {
			return 0, err
		}
		if err = s.beginPage(ctx, rows, cutoff); err != nil {
			return 0, err
		}
		if len(rows) < jobBatch || ctx.Err() != nil {
			break
		}
		last = rows[len(rows)-1].Id
	}
	done := 0
	last = 0
	for ctx.Err() == nil {
		page, err := ids(dao.DerpRentals.Ctx(ctx).Fields(cols.Id).Where(cols.State, rentalDeregistering).Where(afterID, last).
			OrderAsc(cols.Id).Limit(jobBatch).Array())
		if err != nil && !dbx.IsNoRows(err) {
			return done, err
		}
		n, err := s.finishPage(ctx, page)
		done += n
		if err != nil {
			return done, err
		}
		if len(page) < jobBatch {
			break
		}
		last = page[len(page)-1]
	}
	return done, ctx.Err()
}

// beginPage holds the page's rentals whose owner is unsettled and starts deregistering the rest.
func (s *sDerp) beginPage(ctx context.Context, rows []*entity.DerpRentals, cutoff time.Time) error {
	owners := make([]int64, 0, len(rows))
	seen := map[int64]bool{}
	for _, r := range rows {
		if !seen[r.UserId] {
			seen[r.UserId] = true
			owners = append(owners, r.UserId)
		}
	}
	held, err := unsettledOf(ctx, owners)
	if err != nil {
		return err
	}
	var settled []*entity.DerpRentals
	for _, r := range rows {
		if reason := held[r.UserId]; reason != "" {
			if err = holdRental(ctx, r, reason); err != nil {
				return err
			}
			continue
		}
		settled = append(settled, r)
	}
	_, err = inChunks(ctx, len(settled), chunkScan{each: func(ctx context.Context, c *chunk, i int) (bool, error) {
		won, err := claimDeregister(ctx, settled[i], &cutoff)
		if won && err == nil {
			c.remove(settled[i].Id)
		}
		return won, err
	}, after: func(changed []int) { s.invalidateAdmissions(ctx, idsAt(settled, changed)) }})
	return err
}

// finishPage finishes the deregistering rentals of a page that have no live container left. A
// rental with live ones first gives up those stuck in removal (stillLive); the others, the
// common case once the hosts removed everything, cost no read of their own.
func (s *sDerp) finishPage(ctx context.Context, ids []int64) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	cc := dao.DerpContainers.Columns()
	vals, err := dao.DerpContainers.Ctx(ctx).Fields(cc.RentalId).Distinct().WhereIn(cc.RentalId, ids).
		WhereNotIn(cc.State, []string{containerRemoved, containerAbandoned}).Array()
	if err != nil && !dbx.IsNoRows(err) {
		return 0, err
	}
	withLive := map[int64]bool{}
	for _, v := range vals {
		withLive[v.Int64()] = true
	}
	gone := make([]int64, 0, len(ids))
	for _, id := range ids {
		if withLive[id] {
			live, err := s.stillLive(ctx, id)
			if err != nil {
				return 0, err
			}
			if live {
				continue
			}
		}
		gone = append(gone, id)
	}
	return s.finishAll(ctx, gone)
}
