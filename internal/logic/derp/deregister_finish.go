package derp

import (
	"context"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

// finishDeregister completes a deregistering rental once none of its containers is live: in
// one transaction, guarded on deregistering, it quarantines their ports for 7 days, revokes
// every ACL version and wipes its body, writes the history snapshot and the deregistered notice.
func (s *sDerp) finishDeregister(ctx context.Context, rentalID int64) (bool, error) {
	if live, err := s.stillLive(ctx, rentalID); err != nil || live {
		return false, err
	}
	n, err := s.finishAll(ctx, []int64{rentalID})
	return n == 1, err
}

// stillLive gives up the containers stuck in removal (abandonStuck) and answers whether any
// container of the rental is still live.
func (s *sDerp) stillLive(ctx context.Context, rentalID int64) (bool, error) {
	if err := s.abandonStuck(ctx, rentalID); err != nil {
		return false, err
	}
	cc := dao.DerpContainers.Columns()
	live, err := dao.DerpContainers.Ctx(ctx).Where(cc.RentalId, rentalID).
		WhereNotIn(cc.State, []string{containerRemoved, containerAbandoned}).Count()
	return live > 0, err
}

// finishAll is finishDeregister for rentals whose containers are all gone, a chunk of them
// per transaction: each is guarded on deregistering by its own UPDATE, and what the ones that
// moved leave behind is written for the chunk together (finished).
func (s *sDerp) finishAll(ctx context.Context, rentalIDs []int64) (int, error) {
	now := s.now()
	cols := dao.DerpRentals.Columns()
	return inChunks(ctx, len(rentalIDs), chunkScan{
		each: func(ctx context.Context, _ *chunk, i int) (bool, error) {
			n, err := dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{State: rentalDeregistered,
				DeregisteredAt: gtime.NewFromTime(now)}).WherePri(rentalIDs[i]).Where(cols.State, rentalDeregistering).
				UpdateAndGetAffected()
			return n == 1, err
		},
		end: func(ctx context.Context, c *chunk, changed []int) error {
			won := make([]int64, len(changed))
			for j, i := range changed {
				won[j] = rentalIDs[i]
			}
			return s.finished(ctx, c, won, now)
		},
	})
}

// finished writes what the deregistration of rentals that just moved to deregistered leaves:
// quarantined ports, revoked ACL versions, the history snapshot and the owner's notice.
func (s *sDerp) finished(ctx context.Context, c *chunk, rentalIDs []int64, now time.Time) error {
	cc := dao.DerpContainers.Columns()
	var cs []entity.DerpContainers
	if err := dao.DerpContainers.Ctx(ctx).WhereIn(cc.RentalId, rentalIDs).OrderAsc(cc.RentalId).OrderAsc(cc.HaIndex).
		OrderAsc(cc.Id).Scan(&cs); err != nil && !dbx.IsNoRows(err) {
		return err
	}
	if err := quarantinePorts(ctx, cs, now); err != nil {
		return err
	}
	ac := dao.DerpAclVersions.Columns()
	if _, err := dao.DerpAclVersions.Ctx(ctx).Data(g.Map{ac.Status: "revoked", ac.Body: ""}).
		WhereIn(ac.RentalId, rentalIDs).Update(); err != nil {
		return err
	}
	var rs []*entity.DerpRentals
	if err := dao.DerpRentals.Ctx(ctx).WhereIn(dao.DerpRentals.Columns().Id, rentalIDs).
		OrderAsc(dao.DerpRentals.Columns().Id).Scan(&rs); err != nil && !dbx.IsNoRows(err) {
		return err
	}
	if err := s.writeHistory(ctx, rs, cs); err != nil {
		return err
	}
	reqs := make([]noticeReq, len(rs))
	for i, r := range rs {
		reqs[i] = noticeReq{to: toRentalRow(r), kind: "deregistered", key: "deregistered:" + strconv.FormatInt(r.Id, 10)}
	}
	return s.noticesIn(ctx, c, reqs)
}

// quarantinePorts turns the held slots of the containers into 7-day quarantines, counted from
// each container's removal.
func quarantinePorts(ctx context.Context, cs []entity.DerpContainers, now time.Time) error {
	sc := dao.DerpPortSlots.Columns()
	for _, c := range cs {
		from := now
		if c.RemovedAt != nil && !c.RemovedAt.IsZero() {
			from = c.RemovedAt.Time
		}
		if _, err := dao.DerpPortSlots.Ctx(ctx).Data(do.DerpPortSlots{State: slotQuarantine,
			UntilAt: gtime.NewFromTime(from.Add(portQuarantine))}).Where(sc.ServerId, c.ServerId).Where(sc.Port, c.Port).
			Where(sc.ContainerId, c.Id).Where(sc.State, slotHeld).Update(); err != nil {
			return err
		}
	}
	return nil
}
