// Package camel is the camel-oil account pool and order dispatch (骆驼加油, issue 15,
// camel-oil.md): accounts on the platform with a daily limit each, their state machine and
// history, the daily reset, and (later parts) merchants, signed submits, polling and callbacks.
package camel

import (
	"context"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/clock"
	"kami/internal/logic/settings"
	"kami/internal/service"
	"kami/utility/redislock"
)

// Settings (camel-oil.md §6 /settings), declared as camel_oil.<name>.
const (
	SettingDefaultDailyLimit = "camel_oil.defaultDailyLimit"
	SettingMaxLoginFailures  = "camel_oil.maxLoginFailures"
)

// shanghai is the zone the daily counters belong to whatever the server's zone (§2 "Daily reset").
var shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.FixedZone(name, 8*3600) // no tzdata: China has kept +08:00 without DST since 1991
	}
	return loc
}

type sCamel struct {
	clock    atomic.Pointer[clock.Clock]
	adapters adapters
	locker   atomic.Pointer[redislock.Locker]
	// gate lets one submit of this node at a time wait for the dispatch lock (allocate).
	gate chan struct{}
}

func init() {
	service.RegisterCamel(New())
	settings.Define(settings.Def{Key: SettingDefaultDailyLimit, Group: "camel_oil", Type: settings.TypeInt,
		Default: int64(10), Min: settings.Bound(1), Max: settings.Bound(1000)})
	settings.Define(settings.Def{Key: SettingMaxLoginFailures, Group: "camel_oil", Type: settings.TypeInt,
		Default: int64(3), Min: settings.Bound(1), Max: settings.Bound(100)})
}

// New returns the service on the system clock.
func New() *sCamel {
	s := &sCamel{gate: make(chan struct{}, 1)}
	s.SetClock(clock.System)
	s.adapters.init()
	return s
}

// SetClock is how boot (or a test) hands the service its clock: the daily counters' date and
// every timestamp come from it.
func (s *sCamel) SetClock(c clock.Clock) { s.clock.Store(&c) }

// now is the service's time in UTC whole seconds, as DATETIME columns keep it.
func (s *sCamel) now() *gtime.Time {
	return gtime.NewFromTime((*s.clock.Load()).Now().UTC().Truncate(time.Second))
}

// today is the Asia/Shanghai date the daily counters are kept for.
func (s *sCamel) today() string { return (*s.clock.Load()).Now().In(shanghai).Format(time.DateOnly) }

func settingInt(key string) int64 { return service.Settings().Int(key) }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// logError keeps a failure the caller cannot answer with in the server log.
func logError(ctx context.Context, what string, err error) { g.Log().Errorf(ctx, "%s: %v", what, err) }
