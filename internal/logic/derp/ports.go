package derp

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

// ports is one server's port table as a container about to take a port sees it (§9): the ports
// it may not take (the SSH port, held and blocked slots, live quarantines) and the lapsed
// quarantines, whose rows are taken back by UPDATE where a fresh port is an INSERT.
type ports struct {
	srv          *entity.DerpServers
	busy, lapsed map[int]bool
}

// portsOf reads the server's slots. The caller holds the server's row (placement's claim, or
// the converge report's container on it), so nobody waits on the locks this read takes.
func portsOf(ctx context.Context, srv *entity.DerpServers, now time.Time) (*ports, error) {
	sc := dao.DerpPortSlots.Columns()
	var slots []entity.DerpPortSlots
	m := dao.DerpPortSlots.Ctx(ctx).Fields(sc.Port, sc.State, sc.UntilAt).Where(sc.ServerId, srv.Id)
	if dao.DerpPortSlots.DB().GetConfig().Type != "sqlite" {
		// A locking read is a current read: under InnoDB's repeatable read a plain SELECT would
		// miss the slots committed since this transaction's snapshot, and every missed one costs
		// a duplicate-key try.
		m = m.LockUpdate()
	}
	if err := m.Scan(&slots); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	p := &ports{srv: srv, busy: map[int]bool{srv.SshPort: true}, lapsed: map[int]bool{}}
	for _, s := range slots {
		if s.State == slotQuarantine && s.UntilAt != nil && !s.UntilAt.Time.After(now) {
			p.lapsed[s.Port] = true
		} else {
			p.busy[s.Port] = true
		}
	}
	return p, nil
}

// next is the lowest port not known to be taken, 0 when the range is used up.
func (p *ports) next() int {
	for port := p.srv.PortBase; port < p.srv.PortBase+p.srv.PortCount; port++ {
		if !p.busy[port] {
			return port
		}
	}
	return 0
}

// claim holds port for containerID (0: a container not written yet): a fresh slot by INSERT,
// where the primary key refuses a racing twin, a lapsed quarantine by a guarded UPDATE. The
// port counts as taken afterwards either way.
func (p *ports) claim(ctx context.Context, port int, containerID int64, now time.Time) (bool, error) {
	p.busy[port] = true
	row := do.DerpPortSlots{State: slotHeld}
	if containerID != 0 {
		row.ContainerId = containerID
	}
	sc := dao.DerpPortSlots.Columns()
	if p.lapsed[port] {
		n, err := dao.DerpPortSlots.Ctx(ctx).Data(row).Where(sc.ServerId, p.srv.Id).Where(sc.Port, port).
			Where(sc.State, slotQuarantine).WhereLTE(sc.UntilAt, gtime.NewFromTime(now)).UpdateAndGetAffected()
		return n == 1, err
	}
	row.ServerId, row.Port = p.srv.Id, port
	_, err := dao.DerpPortSlots.Ctx(ctx).Data(row).Insert()
	if dbx.IsUniqueViolation(err) {
		return false, nil
	}
	return err == nil, err
}

// claimFree holds the lowest free port for containerID (§9: the next one on a duplicate key,
// up to portTries), 0 when none is left.
func (p *ports) claimFree(ctx context.Context, containerID int64, now time.Time) (int, error) {
	for try := 0; try < portTries; try++ {
		port := p.next()
		if port == 0 {
			return 0, nil
		}
		ok, err := p.claim(ctx, port, containerID, now)
		if err != nil || ok {
			return port, err
		}
	}
	return 0, nil
}

// newContainer writes a container of the rental on srv (whose container slot the caller
// claimed) at its lowest free port, at op_gen 1 (the caller queues its converge, Gen 1). The row comes first so the
// port's slot is written holding its container: two statements in the common case, while the
// caller holds the server rows every other activation waits for. It answers 0 when the server
// has no port left (the row is not kept).
func newContainer(ctx context.Context, srv *entity.DerpServers, rentalID int64, ha int, desired string,
	now time.Time) (int64, int, error) {
	p, err := portsOf(ctx, srv, now)
	if err != nil {
		return 0, 0, err
	}
	return p.newContainer(ctx, rentalID, ha, desired, now)
}

// newContainer is the package function on a port table already read.
func (p *ports) newContainer(ctx context.Context, rentalID int64, ha int, desired string, now time.Time) (int64, int, error) {
	srv := p.srv
	port := p.next()
	if port == 0 {
		return 0, 0, nil
	}
	cid, err := dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{RentalId: rentalID, ServerId: srv.Id, HaIndex: ha,
		Port: port, TokenGen: 1, OpGen: 1, Desired: desired, State: containerPending}).InsertAndGetId()
	if err != nil {
		return 0, 0, err
	}
	ok, err := p.claim(ctx, port, cid, now)
	if err != nil || ok {
		return cid, port, err
	}
	// Lost the port to a writer that does not hold the server row: the next free one.
	if port, err = p.claimFree(ctx, cid, now); err != nil {
		return 0, 0, err
	}
	if port == 0 {
		_, err = dao.DerpContainers.Ctx(ctx).WherePri(cid).Delete()
		return 0, 0, err
	}
	_, err = dao.DerpContainers.Ctx(ctx).WherePri(cid).Data(do.DerpContainers{Port: port}).Update()
	return cid, port, err
}
