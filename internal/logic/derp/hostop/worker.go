// Package hostop is the host-op worker (derp.md §10): a loop on every node that claims due
// derp_host_ops rows with a lease, runs them through host.Docker on the Runner (the real SSH
// adapter in production), and records the outcome with backoff, dead-lettering after 12 tries.
// Host work happens only here, after the logic's transactions committed (§13).
package hostop

import (
	"context"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/clock"
	"kami/internal/dao"
	"kami/internal/logic/derp/host"
	"kami/internal/model/entity"
)

// Contract numbers of §10.
const (
	Lease           = 120 * time.Second
	PerServer       = 4
	MaxAttempts     = 12
	backoffBase     = 10 * time.Second
	backoffCap      = 30 * time.Minute
	waitNotReady    = 30 * time.Second
	claimBatch      = 128 // above PerServer·servers of a busy node, so the per-server cap is what limits
	ErrAdmitUnset   = "ADMIT_URL_UNSET"
	ErrHostKey      = "HOSTKEY_MISMATCH"
	ErrImageTooOld  = "IMAGE_TOO_OLD"
	ErrImageUnset   = "IMAGE_UNSET"
	ErrPortConflict = "PORT_CONFLICT"
)

// Worker runs host ops. Every field is set at boot and never changed afterwards.
type Worker struct {
	Runner  host.Runner
	Clock   clock.Clock
	Owner   string // this node's lease owner id
	Image   string // image@digest of derper
	HostDir string // "" = /opt/kami-derp
	// AdmitBaseURL is kami.derp.admitBaseUrl, read per op (settings are live).
	AdmitBaseURL func(ctx context.Context) string
	// Token is the admission token of a container generation (the admit package's derivation).
	Token func(cid int64, gen int) string
	// Servers, when set, limits the worker to these servers (tests share one database).
	Servers []int64
	// ImageOf, when set, is the live image setting (kami.derp.image); it wins over Image when
	// not empty. While both are empty, container ops wait with IMAGE_UNSET.
	ImageOf func(ctx context.Context) string
	// OnPortConflict re-ports a container whose port another process holds (§8: slot blocked,
	// new port, ACL bumped, in one transaction of the derp logic); the op is then superseded by
	// the converge that transaction queued. Unset: the op backs off.
	OnPortConflict func(ctx context.Context, containerID int64) error
}

// image is the derper image to run now.
func (w *Worker) image(ctx context.Context) string {
	if w.ImageOf != nil {
		if img := w.ImageOf(ctx); img != "" {
			return img
		}
	}
	return w.Image
}

func (w *Worker) now() time.Time { return w.Clock.Now().UTC().Truncate(time.Second) }

func gt(t time.Time) *gtime.Time { return gtime.NewFromTime(t) }

// Run loops until ctx ends, one round every interval.
func (w *Worker) Run(ctx context.Context, interval time.Duration) {
	tk := time.NewTicker(interval)
	defer tk.Stop()
	for {
		_, _ = w.Drain(ctx) // a failed claim is tried again next tick
		select {
		case <-ctx.Done():
			return
		case <-tk.C:
		}
	}
}

// RunOnce claims the ops due now and runs them (in parallel across servers, at most PerServer
// per server), returning how many it ran. It waits for the whole round; Drain does not.
func (w *Worker) RunOnce(ctx context.Context) (int, error) {
	claimed, err := w.claimDue(ctx)
	if err != nil {
		return 0, err
	}
	// Ops of one container run one after another (in claim order), so two converges of it
	// never both find it missing and both run it; a server-level op has a lane of its own.
	lanes := map[int64][]*entity.DerpHostOps{}
	var order []int64
	for _, op := range claimed {
		lane := laneOf(op)
		if _, ok := lanes[lane]; !ok {
			order = append(order, lane)
		}
		lanes[lane] = append(lanes[lane], op)
	}
	var wg sync.WaitGroup
	for _, lane := range order {
		wg.Add(1)
		go func(ops []*entity.DerpHostOps) {
			defer wg.Done()
			for _, op := range ops {
				w.finish(ctx, op, w.execute(ctx, op))
			}
		}(lanes[lane])
	}
	wg.Wait()
	return len(claimed), nil
}

// laneOf is the op's lane: its container, or the op itself for a server-level op.
func laneOf(op *entity.DerpHostOps) int64 {
	if op.ContainerId == 0 {
		return -op.Id
	}
	return op.ContainerId
}

// claimDue leases the ops due now, up to PerServer running per server (counting every node's).
func (w *Worker) claimDue(ctx context.Context) ([]*entity.DerpHostOps, error) {
	now := w.now()
	cols := dao.DerpHostOps.Columns()
	m := dao.DerpHostOps.Ctx(ctx).Where("(state = 'pending' AND next_run_at <= ?) OR (state = 'running' AND lease_until < ?)", gt(now), gt(now))
	if len(w.Servers) > 0 {
		m = m.WhereIn(cols.ServerId, w.Servers)
	}
	var due []*entity.DerpHostOps
	if err := m.OrderAsc(cols.NextRunAt).OrderAsc(cols.Id).Limit(claimBatch).Scan(&due); err != nil {
		return nil, err
	}
	if len(due) == 0 {
		return nil, nil
	}
	busy, err := w.runningPerServer(ctx, now)
	if err != nil {
		return nil, err
	}
	var cands []*entity.DerpHostOps
	for _, op := range due {
		if busy[op.ServerId] >= PerServer {
			continue
		}
		busy[op.ServerId]++
		cands = append(cands, op)
	}
	return w.claimAll(ctx, cands, now)
}

func (w *Worker) runningPerServer(ctx context.Context, now time.Time) (map[int64]int, error) {
	rows, err := dao.DerpHostOps.Ctx(ctx).Fields("server_id AS sid, COUNT(*) AS n").
		Where("state = 'running' AND lease_until >= ?", gt(now)).Group("server_id").All()
	out := map[int64]int{}
	for _, r := range rows {
		out[r["sid"].Int64()] = r["n"].Int()
	}
	return out, err
}

// claimAll is the §10 lease for a round's candidates in one conditional UPDATE: each row is
// won by whichever node's UPDATE matches it first, and the rows this worker now holds (its
// owner, this round's lease_until, running) are read back; a row another node took meanwhile
// no longer matches the condition and is not among them.
func (w *Worker) claimAll(ctx context.Context, cands []*entity.DerpHostOps, now time.Time) ([]*entity.DerpHostOps, error) {
	if len(cands) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(cands))
	for i, op := range cands {
		ids[i] = op.Id
	}
	until := gt(now.Add(Lease))
	if _, err := dao.DerpHostOps.Ctx(ctx).Data(g.Map{"state": "running", "lease_owner": w.Owner,
		"lease_until": until, "attempts": gdb.Raw("attempts+1")}).WhereIn("id", ids).
		Where("(state = 'pending' AND next_run_at <= ?) OR (state = 'running' AND lease_until < ?)", gt(now), gt(now)).
		Update(); err != nil {
		return nil, err
	}
	won, err := dao.DerpHostOps.Ctx(ctx).Fields("id").WhereIn("id", ids).Where("state", "running").
		Where("lease_owner", w.Owner).Where("lease_until", until).Array()
	if err != nil {
		return nil, err
	}
	mine := make(map[int64]bool, len(won))
	for _, v := range won {
		mine[v.Int64()] = true
	}
	out := make([]*entity.DerpHostOps, 0, len(won))
	for _, op := range cands {
		if mine[op.Id] {
			op.Attempts++
			out = append(out, op)
		}
	}
	return out, nil
}

// outcome is what an op's execution asks for.
type outcome struct {
	err        error         // nil: done
	wait       time.Duration // > 0: not an attempt; run again after wait
	reason     string        // last_error override (ADMIT_URL_UNSET, HOSTKEY_MISMATCH, ...)
	superseded bool
}

// Backoff is min(10 s·2^(n−1), 30 min) ±20 % after the n-th failed attempt.
func Backoff(n int) time.Duration {
	d := backoffCap
	if n < 20 {
		d = min(backoffBase<<(max(n, 1)-1), backoffCap)
	}
	jitter := (rand.Float64()*0.4 - 0.2) * float64(d)
	return d + time.Duration(jitter)
}

// finish records the outcome, only while this worker still holds the lease.
func (w *Worker) finish(ctx context.Context, op *entity.DerpHostOps, o outcome) {
	now := w.now()
	data := g.Map{"lease_owner": "", "lease_until": nil}
	msg := o.reason
	if msg == "" && o.err != nil {
		msg = o.err.Error()
	}
	if len(msg) > 500 {
		msg = msg[:500]
	}
	dead := false
	switch {
	case o.superseded:
		data["state"] = "superseded"
	case o.wait > 0:
		data["state"], data["next_run_at"], data["attempts"], data["last_error"] = "pending", gt(now.Add(o.wait)), op.Attempts-1, msg
	case o.err == nil:
		data["state"], data["last_error"] = "done", ""
	case host.Permanent(o.err) || op.Attempts >= MaxAttempts:
		data["state"], data["last_error"] = "dead", msg
		dead = true
	default:
		data["state"], data["next_run_at"], data["last_error"] = "pending", gt(now.Add(Backoff(op.Attempts))), msg
	}
	record := func(ctx context.Context) (int64, error) {
		return dao.DerpHostOps.Ctx(ctx).Data(data).Where("id", op.Id).Where("state", "running").
			Where("lease_owner", w.Owner).UpdateAndGetAffected()
	}
	if !dead { // one statement: no transaction (and its two round trips) around it
		_, _ = record(ctx)
		return
	}
	_ = dao.DerpHostOps.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		n, err := record(ctx)
		if err != nil || n != 1 {
			return err // the lease was lost: the op's new owner records it
		}
		if op.ContainerId > 0 {
			// §4: a dead op fails its container; derp.placement re-places it with the same haIndex.
			_, err = dao.DerpContainers.Ctx(ctx).Data(g.Map{"state": "failed", "last_error": msg}).
				Where("id", op.ContainerId).WhereNotIn("state", []string{"removed", "abandoned"}).Update()
		}
		if err == nil {
			err = raiseDeadAlert(ctx, op, msg, now)
		}
		return err
	})
}

func (w *Worker) execute(ctx context.Context, op *entity.DerpHostOps) outcome {
	switch op.Op {
	case "prepare":
		return w.prepare(ctx, op)
	case "converge":
		return w.converge(ctx, op)
	case "reconcile":
		return w.reconcile(ctx, op)
	}
	return outcome{err: &host.Error{Kind: host.ImageError, Op: op.Op, Msg: "unknown op"}}
}
