// Package hostfake is the test-only DERP host (derp.md §8): Docker emulates docker in memory for
// exactly the argv that host.Docker sends (the cert upload and readout `sh -c` included) and
// records every call; SSHServer puts it behind a real SSH server on 127.0.0.1 so the real adapter
// runs. Knobs let tests inject failures, lost replies, outages, port clashes and counters.
package hostfake

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"kami/internal/logic/derp/host"
)

// ErrDown is the transport error of a host that is Down, or of a reply DropAfterExec lost.
var ErrDown = errors.New("hostfake: connection lost")

// Call is one recorded exec.
type Call struct {
	Argv  []string
	Stdin []byte
}

// Line is the call's argv joined by spaces, what prefixes match.
func (c Call) Line() string { return strings.Join(c.Argv, " ") }

type container struct {
	spec      string
	status    string
	port      int
	image     string
	startedAt string
	pid       int
	rx, tx    int64
}

type failure struct {
	prefix string
	exit   int
	stderr string
}

// Docker is the emulator. The zero value is not usable: call New.
type Docker struct {
	mu         sync.Mutex
	now        func() time.Time
	containers map[int64]*container
	files      map[string][]byte
	pulled     map[string]bool
	occupied   map[int]bool
	badImages  map[string]bool
	failNext   []failure
	drop       []string
	calls      []Call
	stall      time.Duration
	down       bool
	nextPid    int
	hostRx     int64
	hostTx     int64
	inflight   int
	maxFlight  int

	// Version is what `docker version` answers; Help what `derper -h` prints; Iface the default route.
	Version string
	Help    string
	Iface   string
}

// New is an empty host with docker 24.0.7, a derper that supports fail-closed and eth0. now is the
// clock of the T line and of startedAt (the test's fake clock).
func New(now func() time.Time) *Docker {
	return &Docker{now: now, containers: map[int64]*container{}, files: map[string][]byte{}, pulled: map[string]bool{},
		occupied: map[int]bool{}, badImages: map[string]bool{}, nextPid: 100, Version: "24.0.7",
		Help: "Usage of derper:\n  -verify-client-url string\n  -verify-client-url-fail-open\n", Iface: "eth0"}
}

// FailNext makes the next exec whose line starts with prefix exit with exit/stderr, without effect.
func (d *Docker) FailNext(prefix string, exit int, stderr string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.failNext = append(d.failNext, failure{prefix, exit, stderr})
}

// DropAfterExec makes the next exec starting with prefix take effect and then lose its reply.
func (d *Docker) DropAfterExec(prefix string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.drop = append(d.drop, prefix)
}

// Stall delays every exec by dt (0 = none), honouring the caller's context.
func (d *Docker) Stall(dt time.Duration) { d.mu.Lock(); d.stall = dt; d.mu.Unlock() }

// Down makes every exec a transport error until Up.
func (d *Docker) Down() { d.mu.Lock(); d.down = true; d.mu.Unlock() }

// Up ends Down.
func (d *Docker) Up() { d.mu.Lock(); d.down = false; d.mu.Unlock() }

// IsDown reports Down, for the SSH server's auth.
func (d *Docker) IsDown() bool { d.mu.Lock(); defer d.mu.Unlock(); return d.down }

// OccupyPort makes the host's port taken by something outside docker.
func (d *Docker) OccupyPort(port int) { d.mu.Lock(); d.occupied[port] = true; d.mu.Unlock() }

// BadImage makes pulling or running image fail with "manifest unknown".
func (d *Docker) BadImage(image string) { d.mu.Lock(); d.badImages[image] = true; d.mu.Unlock() }

// SetCounters sets container cid's eth0 counters.
func (d *Docker) SetCounters(cid int64, rx, tx int64) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if c := d.containers[cid]; c != nil {
		c.rx, c.tx = rx, tx
	}
}

// SetHostCounters sets the host interface counters.
func (d *Docker) SetHostCounters(rx, tx int64) {
	d.mu.Lock()
	d.hostRx, d.hostTx = rx, tx
	d.mu.Unlock()
}

// Restart restarts container cid as the daemon would: a new startedAt and zeroed counters.
func (d *Docker) Restart(cid int64) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if c := d.containers[cid]; c != nil {
		d.startLocked(c)
	}
}

// Plant adds a managed container the database does not know (an orphan for Reconcile).
func (d *Docker) Plant(cid int64, status, spec string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	c := &container{spec: spec, status: status}
	if status == "running" {
		d.startLocked(c)
	}
	d.containers[cid] = c
}

// MaxConcurrent is the most execs that were ever in flight at once.
func (d *Docker) MaxConcurrent() int { d.mu.Lock(); defer d.mu.Unlock(); return d.maxFlight }

// Calls is a copy of every exec so far.
func (d *Docker) Calls() []Call {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]Call(nil), d.calls...)
}

// Count is how many recorded execs start with prefix.
func (d *Docker) Count(prefix string) int {
	n := 0
	for _, c := range d.Calls() {
		if strings.HasPrefix(c.Line(), prefix) {
			n++
		}
	}
	return n
}

// ContainerState is the status, spec and port of cid ("" status when absent).
func (d *Docker) ContainerState(cid int64) (status, spec string, port int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if c := d.containers[cid]; c != nil {
		return c.status, c.spec, c.port
	}
	return "", "", 0
}

// File is an uploaded file's content.
func (d *Docker) File(path string) ([]byte, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	b, ok := d.files[path]
	return b, ok
}

// Run implements host.Runner directly (no SSH).
func (d *Docker) Run(ctx context.Context, _ host.Target, c host.Cmd) (host.Result, error) {
	out, errOut, exit, drop, err := d.Exec(ctx, c.Argv, c.Stdin)
	if err != nil {
		return host.Result{}, err
	}
	if drop {
		return host.Result{}, ErrDown
	}
	return host.Result{Stdout: out, Stderr: errOut, Exit: exit}, nil
}

// Exec runs one argv. drop says the reply must be lost (the effect happened).
func (d *Docker) Exec(ctx context.Context, argv []string, stdin []byte) (stdout, stderr []byte, exit int, drop bool, err error) {
	d.mu.Lock()
	stall, down := d.stall, d.down
	d.mu.Unlock()
	if down {
		return nil, nil, 0, false, ErrDown
	}
	d.mu.Lock()
	d.inflight++
	if d.inflight > d.maxFlight {
		d.maxFlight = d.inflight
	}
	d.mu.Unlock()
	defer func() { d.mu.Lock(); d.inflight--; d.mu.Unlock() }()
	if stall > 0 {
		select {
		case <-time.After(stall):
		case <-ctx.Done():
			return nil, nil, 0, false, ctx.Err()
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	call := Call{Argv: append([]string(nil), argv...), Stdin: append([]byte(nil), stdin...)}
	d.calls = append(d.calls, call)
	line := call.Line()
	for i, f := range d.failNext {
		if strings.HasPrefix(line, f.prefix) {
			d.failNext = append(d.failNext[:i:i], d.failNext[i+1:]...)
			return nil, []byte(f.stderr), f.exit, false, nil
		}
	}
	for i, p := range d.drop {
		if strings.HasPrefix(line, p) {
			d.drop = append(d.drop[:i:i], d.drop[i+1:]...)
			drop = true
			break
		}
	}
	o, e, x := d.dispatchLocked(argv, stdin)
	return []byte(o), []byte(e), x, drop, nil
}

func (d *Docker) startLocked(c *container) {
	d.nextPid++
	c.pid = d.nextPid
	c.status = "running"
	c.startedAt = d.now().UTC().Format(time.RFC3339Nano)
	c.rx, c.tx = 0, 0
}

func (d *Docker) sortedIDs() []int64 {
	ids := make([]int64, 0, len(d.containers))
	for id := range d.containers {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

func unsupported(argv []string) (string, string, int) {
	return "", fmt.Sprintf("hostfake: unsupported argv %q", argv), 127
}
