package derp

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/logic/derp/admit"
	"kami/internal/logic/derp/host"
	"kami/internal/logic/derp/hostop"
	"kami/internal/logic/settings"
	"kami/internal/service"
)

// The host side's settings (§8): the derper image every host pulls and runs, pinned by digest.
// While it is empty, prepare and converge wait with IMAGE_UNSET, like ADMIT_URL_UNSET.
const (
	keyImage = "derp.image"
	// hostWorkerEnv = false keeps a node's host-op worker off (the test harness does, so tests
	// drive their own worker on their own servers; production nodes all run one, §10).
	hostWorkerEnv = "KAMI_DERP_HOST_WORKER"
	// hostWorkerTick is how often the worker looks for due ops: a converge queued by a commit
	// reaches the host within about this long.
	hostWorkerTick = 2 * time.Second
)

func init() {
	settings.Define(settings.Def{Key: keyImage, Group: "derp", Type: settings.TypeString, Default: ""})
}

// NewHostWorker builds the host-op worker the way boot does: the live admit URL and image
// settings, the admission token, and port-conflict re-porting. servers limits it to those
// servers (tests share one database); nil takes every server.
func NewHostWorker(c clock.Clock, r host.Runner, owner string, servers []int64) *hostop.Worker {
	return &hostop.Worker{Runner: r, Clock: c, Owner: owner, Servers: servers,
		AdmitBaseURL: func(context.Context) string {
			return strings.TrimSpace(service.Settings().String(keyAdmitBaseURL))
		},
		ImageOf: func(context.Context) string { return strings.TrimSpace(service.Settings().String(keyImage)) },
		Token:   admit.Token, // the hook verifies with the same derivation (admit.Valid)
		OnPortConflict: func(ctx context.Context, cid int64) error {
			return svc().reportContainer(ctx, cid)
		}}
}

// svc is the registered service (its clock), for package helpers called without a receiver.
func svc() *sDerp {
	if d, ok := service.Derp().(*sDerp); ok {
		return d
	}
	return New()
}

// hostRun holds this node's running worker and the SSH pool the jobs (traffic, probes) share.
var hostRun struct {
	mu     sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
	pool   *host.SSH
}

// hostRunner is the node's SSH pool (one connection per server, §8), created on first use.
func hostRunner() host.Runner {
	hostRun.mu.Lock()
	defer hostRun.mu.Unlock()
	if hostRun.pool == nil {
		hostRun.pool = host.NewSSH()
	}
	return hostRun.pool
}

// StartHostWorker starts this node's host-op worker loop (§10: on every node) unless
// KAMI_DERP_HOST_WORKER=false. It returns at once; StopHostWorker ends it.
func (s *sDerp) StartHostWorker(ctx context.Context) error {
	if v := strings.TrimSpace(os.Getenv(hostWorkerEnv)); v != "" {
		on, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("%s=%q: want true or false", hostWorkerEnv, v)
		}
		if !on {
			return nil
		}
	}
	r := hostRunner()
	hostRun.mu.Lock()
	defer hostRun.mu.Unlock()
	if hostRun.cancel != nil {
		return nil
	}
	w := NewHostWorker(*s.clock.Load(), r, config.Get().NodeID, nil)
	wctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	hostRun.cancel, hostRun.done = cancel, done
	go func() {
		defer close(done)
		w.Run(wctx, hostWorkerTick)
	}()
	return nil
}

// StopHostWorker ends the worker loop, waits for the ops it is running, and closes the SSH
// pool. An op cut short keeps its lease, which lapses, and another node takes it over.
func (s *sDerp) StopHostWorker() {
	hostRun.mu.Lock()
	cancel, done, pool := hostRun.cancel, hostRun.done, hostRun.pool
	hostRun.cancel, hostRun.done, hostRun.pool = nil, nil, nil
	hostRun.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
	if pool != nil {
		pool.Close()
	}
}
