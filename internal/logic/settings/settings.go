// Package settings is the typed settings service: modules declare settings in code (Define),
// values live in the settings table (secrets sealed under the master key), the super-admin edits
// them through /api/system/settings, and every node holds an in-memory snapshot that it reloads
// when the version row changes, so reading a setting never touches the database.
package settings

import (
	"context"
	"encoding/json"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtimer"

	"kami/internal/service"
)

// reloadInterval is how often a node checks the version row: a change made on any node is
// live everywhere within about this long (the contract asks for 2 s).
const reloadInterval = time.Second

type sSettings struct {
	current  atomic.Pointer[snapshot]
	reloadMu sync.Mutex // orders reloads so an older load never replaces a newer one
	timerMu  sync.Mutex
	timer    *gtimer.Entry
	hooksMu  sync.Mutex
	hooks    []func(ctx context.Context, changed []string)
}

// snapshot is every setting's canonical value at one version.
type snapshot struct {
	version string
	values  map[string]any
}

func init() {
	service.RegisterSettings(New())
}

func New() *sSettings { return &sSettings{} }

// Start fixes the registry, loads the values and starts following other nodes' changes.
func (s *sSettings) Start(ctx context.Context) error {
	seal()
	if err := s.Reload(ctx); err != nil {
		return err
	}
	s.timerMu.Lock()
	defer s.timerMu.Unlock()
	if s.timer == nil {
		s.timer = gtimer.AddSingleton(context.WithoutCancel(ctx), reloadInterval, s.poll)
	}
	return nil
}

// Stop ends the polling; the last snapshot keeps serving.
func (s *sSettings) Stop() {
	s.timerMu.Lock()
	defer s.timerMu.Unlock()
	if s.timer != nil {
		s.timer.Close()
		s.timer = nil
	}
}

func (s *sSettings) poll(ctx context.Context) {
	version, err := readVersion(ctx)
	if err != nil {
		g.Log().Warningf(ctx, "settings: version check: %v", err)
		return
	}
	if cur := s.current.Load(); cur != nil && cur.version == version {
		return
	}
	if err = s.Reload(ctx); err != nil {
		g.Log().Warningf(ctx, "settings: reload: %v", err)
	}
}

// Reload reads every value and swaps the snapshot, then tells the OnChange hooks which keys
// changed (none at the first load).
func (s *sSettings) Reload(ctx context.Context) error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	next, err := load(ctx)
	if err != nil {
		return err
	}
	prev := s.current.Swap(next)
	if prev == nil {
		return nil
	}
	var changed []string
	for _, d := range defs() {
		if !equal(d.Type, prev.values[d.Key], next.values[d.Key]) {
			changed = append(changed, d.Key)
		}
	}
	if len(changed) > 0 {
		s.hooksMu.Lock()
		hooks := append([]func(context.Context, []string){}, s.hooks...)
		s.hooksMu.Unlock()
		for _, h := range hooks {
			h(ctx, changed)
		}
	}
	return nil
}

// OnChange registers fn to run on this node after a reload that changed values, with the keys
// that changed, so a module can rebuild a snapshot of its own.
func (s *sSettings) OnChange(fn func(ctx context.Context, changed []string)) {
	s.hooksMu.Lock()
	s.hooks = append(s.hooks, fn)
	s.hooksMu.Unlock()
}

// value is the current canonical value of key; an undefined key is a programming error,
// logged, and reads as nil.
func (s *sSettings) value(key string) any {
	if snap := s.current.Load(); snap != nil {
		if v, ok := snap.values[key]; ok {
			return v
		}
	}
	if d, ok := lookup(key); ok {
		return d.Default // before the first load (boot order) the default is the answer
	}
	g.Log().Errorf(context.Background(), "settings: %q is not defined", key)
	return nil
}

// Bool is the value of a bool setting.
func (s *sSettings) Bool(key string) bool { v, _ := s.value(key).(bool); return v }

// Int is the value of an int setting.
func (s *sSettings) Int(key string) int64 { v, _ := s.value(key).(int64); return v }

// String is the value of a string setting (a secret one in plain text).
func (s *sSettings) String(key string) string { v, _ := s.value(key).(string); return v }

// Duration is the value of a duration setting.
func (s *sSettings) Duration(key string) time.Duration {
	v, _ := s.value(key).(time.Duration)
	return v
}

// Strings is the value of a strings setting; the caller may keep but not change it.
func (s *sSettings) Strings(key string) []string { v, _ := s.value(key).([]string); return v }

// JSON decodes the value of a json setting into dst.
func (s *sSettings) JSON(key string, dst any) error {
	raw, _ := s.value(key).(json.RawMessage)
	if raw == nil {
		raw = json.RawMessage("null")
	}
	return json.Unmarshal(raw, dst)
}
