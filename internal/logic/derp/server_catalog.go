package derp

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The DerpServers page (derp.md §2): S only; agents never see servers, SSH data or cloud
// accounts. Registered beside the Derp catalog (Parent) so this file owns its routes.
func init() {
	superOnly := []string{consts.RoleSuperAdmin}
	rbac.Register(rbac.Node{
		Type: rbac.TypeMenu, Name: "DerpServers", Parent: "Derp", Path: "/derp/servers", Component: "/derp/servers/list",
		Title: "menu.derp.servers", Icon: "lucide:server", Sort: 10, Roles: superOnly,
		APIs: []string{"GET /api/derp/servers/list", "GET /api/derp/servers/{id}",
			// derp-ops: the host side's read pages.
			"GET /api/derp/servers/regions", "GET /api/derp/servers/{id}/probes", "GET /api/derp/servers/{id}/containers/list",
			"GET /api/derp/containers/{id}/traffic"},
		Children: []rbac.Node{
			{Type: rbac.TypeButton, AuthCode: "Derp:Server:Manage", Title: "menu.derp.server.manage", Sort: 1, Roles: superOnly,
				APIs: []string{"POST /api/derp/servers", "PUT /api/derp/servers/{id}", "DELETE /api/derp/servers/{id}",
					"POST /api/derp/servers/{id}/prepare", "POST /api/derp/servers/{id}/drain",
					"POST /api/derp/servers/{id}/undrain", "POST /api/derp/servers/{id}/confirm-host-key",
					"POST /api/derp/servers/{id}/reconcile", "POST /api/derp/containers/{id}/restart"}},
		},
	})
}
