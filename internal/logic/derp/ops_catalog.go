package derp

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The DerpHostOps and DerpAlerts pages (derp.md §2): S only, beside the servers page.
func init() {
	superOnly := []string{consts.RoleSuperAdmin}
	rbac.Register(rbac.Node{
		Type: rbac.TypeMenu, Name: "DerpHostOps", Parent: "Derp", Path: "/derp/host-ops", Component: "/derp/host-ops/list",
		Title: "menu.derp.hostOps", Icon: "lucide:cog", Sort: 11, Roles: superOnly,
		APIs: []string{"GET /api/derp/host-ops/list", "POST /api/derp/host-ops/{id}/retry"},
	})
	rbac.Register(rbac.Node{
		Type: rbac.TypeMenu, Name: "DerpAlerts", Parent: "Derp", Path: "/derp/alerts", Component: "/derp/alerts/list",
		Title: "menu.derp.alerts", Icon: "lucide:bell", Sort: 12, Roles: superOnly,
		APIs: []string{"GET /api/derp/alerts/list", "PUT /api/derp/alerts/{id}/ack"},
	})
}
