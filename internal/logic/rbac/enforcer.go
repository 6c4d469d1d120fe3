package rbac

import (
	"context"
	"strings"
	"time"

	"github.com/casbin/casbin/v2"
	"github.com/casbin/casbin/v2/model"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtimer"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/utility/casbinadapter"
)

// modelText matches roles directly against policies. keyMatch compares the registered route
// pattern the middleware passes in ("/api/system/user/{id}"), so patterns need no
// translation, and a policy may still end in "*" to cover a whole prefix.
const modelText = `
[request_definition]
r = sub, obj, act

[policy_definition]
p = sub, obj, act

[role_definition]
g = _, _

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = g(r.sub, p.sub) && keyMatch(r.obj, p.obj) && (r.act == p.act || p.act == "*")
`

// policyStore is built per use: it holds no state, and g.DB() must not be touched before the
// database is configured at boot.
func policyStore() *casbinadapter.Adapter {
	return casbinadapter.New(dao.CasbinRule.DB(), dao.CasbinRule.Table())
}

// Enforce reports whether role may call the route pattern (as registered with gf, including
// the /api prefix) with method. Anything without a policy is refused; the super-admin is
// allowed everything so a broken policy table can never lock the operator out.
func (s *sRbac) Enforce(ctx context.Context, role, route, method string) (bool, error) {
	if role == consts.RoleSuperAdmin {
		return true, nil
	}
	snap := s.current.Load()
	if snap == nil {
		if err := s.Reload(ctx); err != nil {
			return false, err
		}
		snap = s.current.Load()
	}
	return snap.enforcer.Enforce(role, route, strings.ToUpper(method))
}

// Reload builds a fresh enforcer from casbin_rule and swaps it in.
func (s *sRbac) Reload(ctx context.Context) error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	// The version is read before the rules: a change committed in between makes the next
	// poll see a newer version and load again, never the reverse.
	version, err := readVersion(ctx)
	if err != nil {
		return err
	}
	m, err := model.NewModelFromString(modelText)
	if err != nil {
		return err
	}
	// No adapter on the enforcer: it loads through ours with ctx, and cannot write back.
	e, err := casbin.NewEnforcer(m)
	if err != nil {
		return err
	}
	if err = policyStore().LoadPolicyCtx(ctx, e.GetModel()); err != nil {
		return err
	}
	if err = e.BuildRoleLinks(); err != nil {
		return err
	}
	s.current.Store(&snapshot{enforcer: e, version: version})
	return nil
}

// Start loads the policies and polls the version row so changes made on other nodes arrive
// within the reload interval. It is idempotent.
func (s *sRbac) Start(ctx context.Context) error {
	if err := s.Reload(ctx); err != nil {
		return err
	}
	s.timerMu.Lock()
	defer s.timerMu.Unlock()
	if s.timer != nil {
		return nil
	}
	interval := s.cfg().Rbac.ReloadInterval
	if interval <= 0 {
		interval = time.Second
	}
	// The poller outlives whatever request or boot ctx started it.
	s.timer = gtimer.AddSingleton(context.WithoutCancel(ctx), interval, s.poll)
	return nil
}

// Stop ends the polling; the last loaded policies keep serving.
func (s *sRbac) Stop() {
	s.timerMu.Lock()
	defer s.timerMu.Unlock()
	if s.timer != nil {
		s.timer.Close()
		s.timer = nil
	}
}

func (s *sRbac) poll(ctx context.Context) {
	version, err := readVersion(ctx)
	if err != nil {
		g.Log().Warningf(ctx, "rbac: reading the policy version: %v", err)
		return
	}
	if snap := s.current.Load(); snap != nil && snap.version == version {
		return
	}
	if err = s.Reload(ctx); err != nil {
		g.Log().Warningf(ctx, "rbac: reloading policies (the previous ones stay in force): %v", err)
	}
}
