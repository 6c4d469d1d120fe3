package derp

import (
	"context"
	"sort"
	"time"

	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

const (
	haReplicas     = 3  // §9: 3 containers on distinct servers
	portTries      = 20 // §9: duplicate-key retries of the port claim
	serverActive   = "active"
	healthDown     = "down"
	hostStateError = "error"
	slotHeld       = "held"
	slotQuarantine = "quarantine"
)

// eligibleServers are the servers that may take a container now (§4 "Eligible for placement"):
// active, not down, host not in error, below max_containers and under 95 % of the month quota.
func eligibleServers(ctx context.Context) ([]entity.DerpServers, error) {
	cols := dao.DerpServers.Columns()
	var rows []entity.DerpServers
	err := dao.DerpServers.Ctx(ctx).Where(cols.State, serverActive).WhereNot(cols.Health, healthDown).
		WhereNot(cols.HostState, hostStateError).Where(cols.ContainerCount + " < " + cols.MaxContainers).
		Where("(" + cols.MonthlyQuotaBytes + " = 0 OR " + cols.MonthUsedBytes + " * 100 < " + cols.MonthlyQuotaBytes + " * 95)").
		OrderAsc(cols.Id).Scan(&rows)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	return rows, nil
}

// rank orders candidates for the next replica: an unused region first, then the lowest load
// (container_count/max_containers, compared by cross-multiplication), then the lowest id.
func rank(cands []entity.DerpServers, usedRegions map[string]bool) {
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if ua, ub := usedRegions[a.Region], usedRegions[b.Region]; ua != ub {
			return !ua
		}
		if la, lb := int64(a.ContainerCount)*int64(b.MaxContainers), int64(b.ContainerCount)*int64(a.MaxContainers); la != lb {
			return la < lb
		}
		return a.Id < b.Id
	})
}

// placed is a container placement wrote: enough for its converge and the rental's derpMap.
type placed struct {
	ID   int64
	HA   int
	Port int
	Srv  entity.DerpServers
}

// place puts up to 3 containers of the rental on distinct eligible servers inside the caller's
// transaction, after the serial claim (§9): each server is claimed by a guarded UPDATE of its
// container_count, each port by the port-slot primary key, and their converges are queued. It
// answers what it placed; the caller rolls back on none (DERP_NO_CAPACITY). Everything from the
// first claim to the commit runs while other activations wait on these server rows, so the
// caller writes what does not need them first.
func place(ctx context.Context, rentalID int64, now time.Time) ([]placed, error) {
	cands, err := eligibleServers(ctx)
	if err != nil {
		return nil, err
	}
	pre, contended, err := preclaim(ctx, cands)
	if err != nil {
		return nil, err
	}
	usedRegions, got := map[string]bool{}, make([]placed, 0, haReplicas)
	for ha := 1; ha <= haReplicas && len(cands) > 0; ha++ {
		rank(cands, usedRegions)
		var took *placed
		for i := range cands {
			ok := pre[cands[i].Id]
			delete(pre, cands[i].Id)
			if !ok {
				if ok, err = claimServer(ctx, cands[i].Id, 1); err != nil {
					return got, err
				}
			}
			if !ok {
				contended = true
				continue
			}
			cid, port, err := newContainer(ctx, &cands[i], rentalID, ha, containerRunning, now)
			if err != nil {
				return got, err
			}
			if cid == 0 { // no free port there: give the slot back and try the next server
				contended = true
				if _, err = claimServer(ctx, cands[i].Id, -1); err != nil {
					return got, err
				}
				continue
			}
			took = &placed{ID: cid, HA: ha, Port: port, Srv: cands[i]}
			cands = append(cands[:i:i], cands[i+1:]...)
			break
		}
		if took == nil {
			break
		}
		usedRegions[took.Srv.Region] = true
		got = append(got, *took)
	}
	for id, held := range pre { // claimed up front but never reached: give it back
		if !held {
			continue
		}
		if _, err = claimServer(ctx, id, -1); err != nil {
			return got, err
		}
	}
	if len(got) < haReplicas && contended && !finalAttempt(ctx) {
		return got, errPlacementContended
	}
	ops := make([]queued, 0, len(got))
	for _, p := range got {
		ops = append(ops, queued{ID: p.ID, ServerID: p.Srv.Id, Gen: 1})
	}
	return got, insertConverges(ctx, ops)
}

// preclaim takes the container slots of the servers the ranking will pick, in ascending id
// order, before any port is claimed. Concurrent activations then lock server rows in one global
// order and wait for each other instead of deadlocking (InnoDB would keep choosing the retried,
// youngest transaction as the victim); a port slot is only ever inserted by the holder of its
// server's row. It answers the servers claimed and whether a claim lost to a concurrent one.
func preclaim(ctx context.Context, cands []entity.DerpServers) (map[int64]bool, bool, error) {
	sim := append([]entity.DerpServers(nil), cands...)
	used, ids := map[string]bool{}, make([]int64, 0, haReplicas)
	for len(ids) < haReplicas && len(sim) > 0 {
		rank(sim, used)
		used[sim[0].Region] = true
		ids = append(ids, sim[0].Id)
		sim = sim[1:]
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	got, contended := map[int64]bool{}, false
	for _, id := range ids {
		ok, err := claimServer(ctx, id, 1)
		if err != nil {
			return got, contended, err
		}
		got[id], contended = ok, contended || !ok
	}
	return got, contended, nil
}

// claimServer is §9's guarded UPDATE: delta 1 takes one container slot of the server if it
// still is active and below its maximum; delta -1 gives back one taken in this transaction.
func claimServer(ctx context.Context, id int64, delta int) (bool, error) {
	cols := dao.DerpServers.Columns()
	m := dao.DerpServers.Ctx(ctx).WherePri(id)
	if delta > 0 {
		m = m.Data(cols.ContainerCount+" = "+cols.ContainerCount+" + 1").Where(cols.State, serverActive).
			Where(cols.ContainerCount + " < " + cols.MaxContainers)
	} else {
		m = m.Data(cols.ContainerCount + " = " + cols.ContainerCount + " - 1")
	}
	n, err := m.UpdateAndGetAffected()
	return n == 1, err
}
