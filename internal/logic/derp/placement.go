package derp

import (
	"context"
	"sort"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
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

// place puts up to 3 containers of the rental on distinct eligible servers inside the caller's
// transaction, after the serial claim (§9): each server is claimed by a guarded UPDATE of its
// container_count, each port by the port-slot primary key. It answers how many were placed;
// the caller rolls back on 0 (DERP_NO_CAPACITY).
func place(ctx context.Context, rentalID int64, now time.Time) (int, error) {
	cands, err := eligibleServers(ctx)
	if err != nil {
		return 0, err
	}
	pre, contended, err := preclaim(ctx, cands)
	if err != nil {
		return 0, err
	}
	usedRegions, placed := map[string]bool{}, 0
	for ha := 1; ha <= haReplicas && len(cands) > 0; ha++ {
		rank(cands, usedRegions)
		var got *entity.DerpServers
		for i := range cands {
			ok := pre[cands[i].Id]
			delete(pre, cands[i].Id)
			if !ok {
				if ok, err = claimServer(ctx, cands[i].Id, 1); err != nil {
					return placed, err
				}
			}
			if !ok {
				contended = true
				continue
			}
			if ok, err = placeContainer(ctx, &cands[i], rentalID, ha, now); err != nil {
				return placed, err
			}
			if !ok { // no free port there: give the slot back and try the next server
				contended = true
				if _, err = claimServer(ctx, cands[i].Id, -1); err != nil {
					return placed, err
				}
				continue
			}
			got = &cands[i]
			cands = append(cands[:i:i], cands[i+1:]...)
			break
		}
		if got == nil {
			break
		}
		usedRegions[got.Region] = true
		placed++
	}
	for id, held := range pre { // claimed up front but never reached: give it back
		if !held {
			continue
		}
		if _, err = claimServer(ctx, id, -1); err != nil {
			return placed, err
		}
	}
	if placed < haReplicas && contended && !finalAttempt(ctx) {
		return placed, errPlacementContended
	}
	return placed, nil
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

// placeContainer takes the lowest free port of the server and writes the container with
// desired=running; the host worker converges it after the commit.
func placeContainer(ctx context.Context, srv *entity.DerpServers, rentalID int64, ha int, now time.Time) (bool, error) {
	busy, err := busyPorts(ctx, srv, now)
	if err != nil {
		return false, err
	}
	port := srv.PortBase
	for try := 0; try < portTries; try++ {
		for port < srv.PortBase+srv.PortCount && busy[port] {
			port++
		}
		if port >= srv.PortBase+srv.PortCount {
			break
		}
		ok, err := claimPort(ctx, srv.Id, port, now)
		if err != nil {
			return false, err
		}
		if !ok {
			busy[port] = true
			continue
		}
		cid, err := dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{RentalId: rentalID, ServerId: srv.Id, HaIndex: ha,
			Port: port, TokenGen: 1, Desired: containerRunning, State: containerPending}).InsertAndGetId()
		if err != nil {
			return false, err
		}
		sc := dao.DerpPortSlots.Columns()
		if _, err = dao.DerpPortSlots.Ctx(ctx).Data(do.DerpPortSlots{ContainerId: cid}).Where(sc.ServerId, srv.Id).
			Where(sc.Port, port).Update(); err != nil {
			return false, err
		}
		return true, queueConverge(ctx, []int64{cid})
	}
	return false, nil
}

// busyPorts are the ports a new container may not take: the SSH port, held and blocked slots
// and live quarantines.
func busyPorts(ctx context.Context, srv *entity.DerpServers, now time.Time) (map[int]bool, error) {
	sc := dao.DerpPortSlots.Columns()
	var slots []entity.DerpPortSlots
	m := dao.DerpPortSlots.Ctx(ctx).Where(sc.ServerId, srv.Id)
	if dao.DerpPortSlots.DB().GetConfig().Type != "sqlite" {
		// A locking read is a current read: under InnoDB's repeatable read a plain SELECT would
		// miss the slots committed since this transaction's snapshot, and every missed one costs
		// a duplicate-key try. The caller holds the server's row, so nobody waits on these locks.
		m = m.LockUpdate()
	}
	if err := m.Scan(&slots); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	busy := map[int]bool{srv.SshPort: true}
	for _, s := range slots {
		if s.State != slotQuarantine || s.UntilAt == nil || s.UntilAt.Time.After(now) {
			busy[s.Port] = true
		}
	}
	return busy, nil
}

// claimPort holds (server, port): a fresh slot by INSERT (the primary key refuses a racing
// twin), a lapsed quarantine by a guarded UPDATE.
func claimPort(ctx context.Context, serverID int64, port int, now time.Time) (bool, error) {
	sc := dao.DerpPortSlots.Columns()
	n, err := dao.DerpPortSlots.Ctx(ctx).Data(do.DerpPortSlots{State: slotHeld, UntilAt: nil}).Where(sc.ServerId, serverID).
		Where(sc.Port, port).Where(sc.State, slotQuarantine).WhereLTE(sc.UntilAt, gtime.NewFromTime(now)).UpdateAndGetAffected()
	if err != nil || n == 1 {
		return n == 1, err
	}
	_, err = dao.DerpPortSlots.Ctx(ctx).Data(do.DerpPortSlots{ServerId: serverID, Port: port, State: slotHeld}).Insert()
	if dbx.IsUniqueViolation(err) {
		return false, nil
	}
	return err == nil, err
}
