package job

import (
	"context"
	"fmt"
	"sort"
	"sync"
)

// Def is a job as the code declares it. The schedule and on/off state the super-admin sets live
// in the jobs table; DefaultSchedule and StartDisabled only seed that row the first time.
type Def struct {
	Name            string // unique, e.g. "log.retention"
	Description     string
	DefaultSchedule string // gcron pattern, e.g. "@every 1m" or "0 30 3 * * *"
	// StartDisabled seeds the row switched off; for jobs an operator must opt into.
	StartDisabled bool
	// Run does one run and reports how many items it processed. ctx is cancelled when the
	// node shuts down past its grace period or the job's lock is lost; stop promptly then.
	Run func(ctx context.Context) (items int, err error)
}

var (
	registryMu sync.RWMutex
	registry   = map[string]Def{}
)

// Register adds a job; call it from an init function. It panics on a duplicate or incomplete
// definition because that is a programming error that must fail the build's tests, not a run.
// The schedule is checked when the scheduler starts (gcron is not usable during init).
func Register(d Def) {
	if d.Name == "" || len(d.Name) > 64 || d.Run == nil || d.DefaultSchedule == "" {
		panic(fmt.Sprintf("job.Register: incomplete definition %q", d.Name))
	}
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[d.Name]; dup {
		panic(fmt.Sprintf("job.Register: %q registered twice", d.Name))
	}
	registry[d.Name] = d
}

func lookup(name string) (Def, bool) {
	registryMu.RLock()
	defer registryMu.RUnlock()
	d, ok := registry[name]
	return d, ok
}

// defs returns every registered job in name order, so lists are stable.
func defs() []Def {
	registryMu.RLock()
	defer registryMu.RUnlock()
	out := make([]Def, 0, len(registry))
	for _, d := range registry {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
