package derp

import (
	"context"
	"errors"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

const (
	// downReplaceAfter is §10's "down ≥ 60 min": a container probed down that long is re-placed.
	downReplaceAfter = 60 * time.Minute
	// quarantineFor keeps a released port off new placements (§4: 7 d).
	quarantineFor          = 7 * 24 * time.Hour
	triggerReplaced        = "replaced"
	triggerServerRemoved   = "server_removed"
	triggerPlacementFilled = "placement_filled"
)

// RunPlacement is derp.placement (§10): it replaces failed containers, those on removing
// servers and those down ≥ 60 min by a new one with the same haIndex on another eligible
// server, fills degraded rentals up to 3, and retires removing servers left with nothing.
// One short transaction per container or rental; each writes a new ACL version.
func (s *sDerp) RunPlacement(ctx context.Context) (int, error) {
	now := s.now()
	done := 0
	cands, err := replaceCandidates(ctx, now)
	if err != nil {
		return 0, err
	}
	for _, c := range cands {
		ok, err := s.replaceContainer(ctx, c, now)
		if err != nil {
			return done, err
		}
		if ok {
			done++
		}
	}
	n, err := s.fillDegraded(ctx, now)
	done += n
	if err != nil {
		return done, err
	}
	return done, retireRemovingServers(ctx, now)
}

// replaceCandidates are the live containers of not-yet-deregistering rentals that must move.
func replaceCandidates(ctx context.Context, now time.Time) ([]entity.DerpContainers, error) {
	cc, sc := dao.DerpContainers.Columns(), dao.DerpServers.Columns()
	removing, err := dao.DerpServers.Ctx(ctx).Fields(sc.Id).Where(sc.State, srvRemoving).Array()
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	m := dao.DerpContainers.Ctx(ctx).WhereNotIn(cc.State, []string{"removed", "abandoned"}).
		WhereNot(cc.Desired, "removed").
		Where(cc.RentalId + " IN (SELECT id FROM derp_rentals WHERE state IN ('active', 'suspended', 'expired'))")
	cond := cc.State + " = 'failed' OR (" + cc.DownSince + " IS NOT NULL AND " + cc.DownSince + " <= ?)"
	args := []any{gtime.NewFromTime(now.Add(-downReplaceAfter))}
	if len(removing) > 0 {
		ids := make([]any, 0, len(removing))
		for _, v := range removing {
			ids = append(ids, v.Int64())
		}
		cond += " OR " + cc.ServerId + " IN (?)"
		args = append(args, ids)
	}
	var out []entity.DerpContainers
	err = m.Where("("+cond+")", args...).OrderAsc(cc.Id).Limit(jobBatch).Scan(&out)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	return out, nil
}

// rentalServers are the servers (and their regions) the rental's other live containers use.
func rentalServers(ctx context.Context, rentalID, except int64) (map[int64]bool, map[string]bool, map[int]bool, error) {
	cc := dao.DerpContainers.Columns()
	var cs []entity.DerpContainers
	if err := dao.DerpContainers.Ctx(ctx).Where(cc.RentalId, rentalID).WhereNot(cc.Id, except).
		WhereNotIn(cc.State, []string{"removed", "abandoned"}).WhereNot(cc.Desired, "removed").Scan(&cs); err != nil && !dbx.IsNoRows(err) {
		return nil, nil, nil, err
	}
	used, regions, has := map[int64]bool{}, map[string]bool{}, map[int]bool{}
	for _, c := range cs {
		used[c.ServerId], has[c.HaIndex] = true, true
		if srv, err := srvByID(ctx, c.ServerId); err == nil {
			regions[srv.Region] = true
		}
	}
	return used, regions, has, nil
}

// placeReplica claims a server not in exclude (ranked as at activation) and a port on it, and
// writes the container with haIndex ha: its id, or 0 when no server can take it.
func placeReplica(ctx context.Context, rentalID int64, ha int, exclude map[int64]bool, regions map[string]bool,
	desired string, now time.Time) (int64, error) {
	all, err := eligibleServers(ctx)
	if err != nil {
		return 0, err
	}
	cands := all[:0:0]
	for _, c := range all {
		if !exclude[c.Id] {
			cands = append(cands, c)
		}
	}
	rank(cands, regions)
	for i := range cands {
		ok, err := claimServer(ctx, cands[i].Id, 1)
		if err != nil || !ok {
			if err != nil {
				return 0, err
			}
			continue
		}
		cid, _, err := newContainer(ctx, &cands[i], rentalID, ha, desired, now)
		if err != nil {
			return 0, err
		}
		if cid == 0 {
			if _, err = claimServer(ctx, cands[i].Id, -1); err != nil {
				return 0, err
			}
			continue
		}
		return cid, insertConverges(ctx, []queued{{ID: cid, ServerID: cands[i].Id, Gen: 1}})
	}
	return 0, nil
}

// desiredFor is §4's container target for a rental state.
func desiredFor(state string) string {
	if state == rentalActive {
		return containerRunning
	}
	return containerStopped
}

// replaceContainer moves one container: a new one with the same haIndex elsewhere, the old one
// desired=removed (converged off its host if it still answers), its port quarantined, a new ACL
// version. Without an eligible server the container stays, and the next run tries again.
func (s *sDerp) replaceContainer(ctx context.Context, old entity.DerpContainers, now time.Time) (bool, error) {
	placed := false
	err := dao.DerpContainers.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		r, err := rentalByID(ctx, old.RentalId)
		if err != nil {
			return err
		}
		used, regions, _, err := rentalServers(ctx, old.RentalId, old.Id)
		if err != nil {
			return err
		}
		used[old.ServerId] = true
		cid, err := placeReplica(ctx, r.Id, old.HaIndex, used, regions, desiredFor(r.State), now)
		if err != nil || cid == 0 {
			return err
		}
		cc := dao.DerpContainers.Columns()
		n, err := dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{Desired: "removed"}).WherePri(old.Id).
			Where(cc.State, old.State).WhereNot(cc.Desired, "removed").UpdateAndGetAffected()
		if err != nil {
			return err
		}
		if n != 1 {
			return errRaced // another run moved it first: this one rolls back
		}
		// A converge removes what is left on the old host (rm -f of a missing one is success).
		if err = queueConverge(ctx, []int64{old.Id}); err != nil {
			return err
		}
		if _, err = claimServer(ctx, old.ServerId, -1); err != nil {
			return err
		}
		sc := dao.DerpPortSlots.Columns()
		if _, err = dao.DerpPortSlots.Ctx(ctx).Data(do.DerpPortSlots{State: slotQuarantine,
			UntilAt: gtime.NewFromTime(now.Add(quarantineFor))}).Where(sc.ServerId, old.ServerId).Where(sc.Port, old.Port).
			Where(sc.State, slotHeld).Update(); err != nil {
			return err
		}
		trigger := triggerReplaced
		if srv, err := srvByID(ctx, old.ServerId); err == nil && srv.State == srvRemoving {
			trigger = triggerServerRemoved
		}
		placed = true
		if err = newAclVersion(ctx, r.Id, trigger, now); err != nil {
			return err
		}
		return s.noticeAclUpdated(ctx, nil, r.Id) // the customer is told the map moved
	})
	if errors.Is(err, errRaced) {
		return false, nil
	}
	if err == nil && placed {
		// The old container is no longer admitted; nodes drop what they cached of the rental.
		s.invalidateAdmission(ctx, old.RentalId)
	}
	return placed, err
}

// errRaced rolls back a job's transaction that lost its guarded UPDATE to a concurrent run.
var errRaced = errors.New("derp: raced")

// fillDegraded places the missing haIndexes of active degraded rentals (§9, §14.2), one
// transaction per rental; the flag clears once all 3 are there.
func (s *sDerp) fillDegraded(ctx context.Context, now time.Time) (int, error) {
	rc := dao.DerpRentals.Columns()
	ids, err := dao.DerpRentals.Ctx(ctx).Fields(rc.Id).Where(rc.PlacementDegraded, 1).Where(rc.State, rentalActive).
		OrderAsc(rc.Id).Limit(jobBatch).Array()
	if err != nil && !dbx.IsNoRows(err) {
		return 0, err
	}
	done := 0
	for _, v := range ids {
		rid := v.Int64()
		err := dao.DerpRentals.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
			used, regions, has, err := rentalServers(ctx, rid, 0)
			if err != nil {
				return err
			}
			added := 0
			for ha := 1; ha <= haReplicas; ha++ {
				if has[ha] {
					continue
				}
				cid, err := placeReplica(ctx, rid, ha, used, regions, containerRunning, now)
				if err != nil {
					return err
				}
				if cid == 0 {
					break
				}
				var c *entity.DerpContainers
				if err = dao.DerpContainers.Ctx(ctx).WherePri(cid).Scan(&c); err != nil {
					return err
				}
				used[c.ServerId], has[ha] = true, true
				if srv, err := srvByID(ctx, c.ServerId); err == nil {
					regions[srv.Region] = true
				}
				added++
			}
			if added == 0 {
				return nil
			}
			if len(has) >= haReplicas {
				if _, err = dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{PlacementDegraded: 0}).WherePri(rid).Update(); err != nil {
					return err
				}
			}
			done++
			if err = newAclVersion(ctx, rid, triggerPlacementFilled, now); err != nil {
				return err
			}
			return s.noticeAclUpdated(ctx, nil, rid)
		})
		if err != nil {
			return done, err
		}
		s.invalidateAdmission(ctx, rid)
	}
	return done, nil
}

// retireRemovingServers marks removing servers with no live container left removed (§4).
func retireRemovingServers(ctx context.Context, now time.Time) error {
	sc, cc := dao.DerpServers.Columns(), dao.DerpContainers.Columns()
	_, err := dao.DerpServers.Ctx(ctx).Data(do.DerpServers{State: srvRemoved, RemovedAt: gtime.NewFromTime(now),
		ContainerCount: 0}).Where(sc.State, srvRemoving).Where(sc.Id + " NOT IN (SELECT " + cc.ServerId +
		" FROM derp_containers WHERE " + cc.State + " NOT IN ('removed', 'abandoned'))").Update()
	return err
}
