// Package rbac owns roles, the menu catalog, and the Casbin policies derived from them.
//
// The source of truth is role_menus: which menu rows (catalogs, pages, buttons) each role
// holds. Every row lists the APIs it needs, so the policies in casbin_rule are a pure function
// of role_menus and the catalog, rebuilt in the same transaction as any change to either.
// Each node enforces from its own in-memory enforcer and follows other nodes' changes by
// polling one version row in settings.
package rbac

import (
	"sync"
	"sync/atomic"

	"github.com/casbin/casbin/v2"
	"github.com/gogf/gf/v2/os/gtimer"

	"kami/internal/config"
	"kami/internal/service"
)

type sRbac struct {
	// current is swapped whole on reload, so Enforce never sees a half-loaded policy and a
	// failed reload leaves the previous one serving.
	current atomic.Pointer[snapshot]
	// reloadMu orders reloads so a slow, older load cannot overwrite a newer one.
	reloadMu sync.Mutex
	timerMu  sync.Mutex
	timer    *gtimer.Entry
	cfg      func() *config.Config // the configuration (reload interval), handed at boot
}

// Configure hands the service the configuration it reads; boot calls it before Start.
func (s *sRbac) Configure(cfg func() *config.Config) { s.cfg = cfg }

// snapshot is an enforcer together with the version it was loaded at.
type snapshot struct {
	enforcer *casbin.Enforcer
	version  string
}

func init() {
	service.RegisterRbac(New())
}

// New returns an instance with its own enforcer; the process uses the registered one, and
// tests build more to play other nodes.
func New() *sRbac { return &sRbac{} }
