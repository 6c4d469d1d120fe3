package derp

import (
	"context"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"

	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

// admitTTL bounds how long a node answers from its snapshot when an invalidation was lost (§7).
const admitTTL = 30 * time.Second

// admitContainer is what the hook needs of a container: its rental, and whether its token's
// generation and desired state still admit anyone. A zero rental marks an unknown container.
type admitContainer struct {
	rentalID int64
	tokenGen int
	desired  string
	exp      time.Time
}

// admitRental is the decision state of one rental: its state, term and learn window, and its
// approved and blocked keys.
type admitRental struct {
	state      string
	expiresAt  time.Time
	learnUntil time.Time
	maxDevices int
	approved   map[string]struct{}
	blocked    map[string]struct{}
	containers map[int64]admitContainer
	exp        time.Time
}

// admitSnapshot is this node's in-process view (§7: no DB read and no Redis round trip per
// call). Entries are filled on a miss and dropped on an invalidation or after admitTTL. A load
// that started before an invalidation answers its caller but is not kept (epoch), so a node
// never holds on to a rental it was just told changed.
type admitSnapshot struct {
	mu      sync.RWMutex
	cont    map[int64]int64 // container id → rental id (0 = unknown container); stable per container
	contExp map[int64]time.Time
	rentals map[int64]*admitRental
	epoch   atomic.Uint64
	group   singleflight.Group
}

var admitSnap = newAdmitSnapshot()

func newAdmitSnapshot() *admitSnapshot {
	return &admitSnapshot{cont: map[int64]int64{}, contExp: map[int64]time.Time{}, rentals: map[int64]*admitRental{}}
}

// drop forgets a rental (its containers are looked up again through it).
func (a *admitSnapshot) drop(rentalID int64) {
	a.epoch.Add(1)
	a.mu.Lock()
	delete(a.rentals, rentalID)
	a.mu.Unlock()
}

// dropAll forgets everything (a lost subscription may have missed invalidations).
func (a *admitSnapshot) dropAll() {
	a.epoch.Add(1)
	a.mu.Lock()
	a.cont, a.contExp, a.rentals = map[int64]int64{}, map[int64]time.Time{}, map[int64]*admitRental{}
	a.mu.Unlock()
}

// lookup answers the container's rental entry from memory, ok=false on a miss or a lapsed entry.
// wall is the node's own time: TTLs are about staleness, not business time.
func (a *admitSnapshot) lookup(cid int64, wall time.Time) (rentalID int64, r *admitRental, ok bool) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	rid, found := a.cont[cid]
	if !found || wall.After(a.contExp[cid]) {
		return 0, nil, false
	}
	if rid == 0 {
		return 0, nil, true
	}
	r = a.rentals[rid]
	if r == nil || wall.After(r.exp) {
		return rid, nil, false
	}
	return rid, r, true
}

// load fills the container's entry from the database (one load per container at a time).
func (a *admitSnapshot) load(ctx context.Context, cid int64) (int64, *admitRental, error) {
	type out struct {
		rid int64
		r   *admitRental
	}
	// Other callers wait on this load: one client hanging up must not fail them all.
	ctx = context.WithoutCancel(ctx)
	v, err, _ := a.group.Do(strconv.FormatInt(cid, 10), func() (any, error) {
		epoch := a.epoch.Load()
		rid, err := rentalOfContainer(ctx, cid)
		if err != nil {
			return nil, err
		}
		// The rental's other containers may have loaded it already: one small read then.
		if r := a.fresh(rid, cid); r != nil {
			a.mu.Lock()
			a.cont[cid], a.contExp[cid] = rid, r.exp
			a.mu.Unlock()
			return out{rid, r}, nil
		}
		var r *admitRental
		if rid != 0 {
			if r, err = loadAdmitRental(ctx, rid); err != nil {
				return nil, err
			}
			if r == nil {
				rid = 0
			}
		}
		exp := time.Now().Add(admitTTL)
		if a.epoch.Load() == epoch {
			a.mu.Lock()
			a.cont[cid], a.contExp[cid] = rid, exp
			if r != nil {
				r.exp = exp
				a.rentals[rid] = r
			}
			a.mu.Unlock()
		}
		return out{rid, r}, nil
	})
	if err != nil {
		return 0, nil, err
	}
	o := v.(out)
	return o.rid, o.r, nil
}

// fresh is the rental's entry when it is live and knows the container, else nil.
func (a *admitSnapshot) fresh(rid, cid int64) *admitRental {
	if rid == 0 {
		return nil
	}
	a.mu.RLock()
	defer a.mu.RUnlock()
	r := a.rentals[rid]
	if r == nil || time.Now().After(r.exp) {
		return nil
	}
	if _, ok := r.containers[cid]; !ok {
		return nil
	}
	return r
}

// rentalOfContainer is the container's rental id, 0 for an unknown container.
func rentalOfContainer(ctx context.Context, cid int64) (int64, error) {
	cc := dao.DerpContainers.Columns()
	v, err := dao.DerpContainers.Ctx(ctx).Fields(cc.RentalId).WherePri(cid).Value()
	if err != nil && !dbx.IsNoRows(err) {
		return 0, err
	}
	if v == nil || v.IsNil() {
		return 0, nil
	}
	return v.Int64(), nil
}

// loadAdmitRental reads the rental with its containers and its decided devices; nil when gone.
func loadAdmitRental(ctx context.Context, rid int64) (*admitRental, error) {
	var rent *entity.DerpRentals
	if err := dao.DerpRentals.Ctx(ctx).WherePri(rid).Scan(&rent); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if rent == nil {
		return nil, nil
	}
	r := &admitRental{state: rent.State, maxDevices: rent.MaxDevices, approved: map[string]struct{}{},
		blocked: map[string]struct{}{}, containers: map[int64]admitContainer{}}
	if rent.ExpiresAt != nil {
		r.expiresAt = rent.ExpiresAt.Time
	}
	if rent.LearnUntil != nil {
		r.learnUntil = rent.LearnUntil.Time
	}
	cc := dao.DerpContainers.Columns()
	var cs []entity.DerpContainers
	if err := dao.DerpContainers.Ctx(ctx).Fields(cc.Id, cc.TokenGen, cc.Desired).Where(cc.RentalId, rent.Id).
		Scan(&cs); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, x := range cs {
		r.containers[x.Id] = admitContainer{rentalID: rent.Id, tokenGen: x.TokenGen, desired: x.Desired}
	}
	dc := dao.DerpDevices.Columns()
	var ds []entity.DerpDevices
	if err := dao.DerpDevices.Ctx(ctx).Fields(dc.NodeKey, dc.Status).Where(dc.RentalId, rent.Id).
		WhereIn(dc.Status, []string{deviceApproved, deviceBlocked}).Scan(&ds); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, d := range ds {
		if d.Status == deviceApproved {
			r.approved[d.NodeKey] = struct{}{}
		} else {
			r.blocked[d.NodeKey] = struct{}{}
		}
	}
	return r, nil
}
