package relay

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The Relay catalog (§5). Menus join as their routes land; every role sees its tokens, the
// data scope (internal/scope) decides whose.
func init() {
	all := []string{consts.RoleAgentAdmin, consts.RoleAgent}
	super := []string{consts.RoleSuperAdmin}
	rbac.Register(rbac.Node{
		Type: rbac.TypeCatalog, Name: "Relay", Path: "/relay", Title: "menu.relay", Icon: "lucide:bot", Sort: 25,
		Roles: all,
		Children: []rbac.Node{
			{Type: rbac.TypeMenu, Name: "RelayToken", Path: "/relay/tokens", Component: "/relay/tokens/list",
				Title: "menu.relay.tokens", Icon: "lucide:key-round", Sort: 1, Roles: all,
				// An agent sees its own group beside its tokens (the group menu is not its).
				APIs: []string{"GET /api/relay/tokens/list", "GET /api/relay/tokens/{id}", "GET /api/relay/groups/list",
					"GET /api/relay/users/{userId}/group"},
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Relay:Token:Edit", Title: "menu.relay.token.edit", Sort: 1, Roles: all,
						APIs: []string{"POST /api/relay/tokens", "PUT /api/relay/tokens/{id}", "DELETE /api/relay/tokens/{id}",
							"PUT /api/relay/tokens/{id}/status", "POST /api/relay/tokens/{id}/rotate"}},
				}},
			{Type: rbac.TypeMenu, Name: "RelayLog", Path: "/relay/logs", Component: "/relay/logs/list",
				Title: "menu.relay.logs", Icon: "lucide:scroll-text", Sort: 2, Roles: all,
				APIs: []string{"GET /api/relay/logs/list"},
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Relay:Log:Export", Title: "menu.relay.log.export", Sort: 1, Roles: all,
						APIs: []string{"GET /api/relay/logs/export"}},
				}},
			// Every role reads the usage of its scope; ranking by channel is refused below the
			// super-admin in the logic (a parameter value, not a route).
			{Type: rbac.TypeMenu, Name: "RelayStats", Path: "/relay/stats", Component: "/relay/stats/index",
				Title: "menu.relay.stats", Icon: "lucide:chart-line", Sort: 3, Roles: all,
				APIs: []string{"GET /api/relay/stats/summary", "GET /api/relay/stats/series", "GET /api/relay/stats/top"}},
			{Type: rbac.TypeMenu, Name: "RelayPrice", Path: "/relay/prices", Component: "/relay/prices/list",
				Title: "menu.relay.prices", Icon: "lucide:tags", Sort: 4, Roles: all,
				APIs: []string{"GET /api/relay/prices/list"},
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Relay:Price:Edit", Title: "menu.relay.price.edit", Sort: 1,
						Roles: []string{consts.RoleSuperAdmin},
						APIs:  []string{"POST /api/relay/prices", "PUT /api/relay/prices/{id}", "DELETE /api/relay/prices/{id}"}},
				}},
			{Type: rbac.TypeMenu, Name: "RelayGroup", Path: "/relay/groups", Component: "/relay/groups/list",
				Title: "menu.relay.groups", Icon: "lucide:users-round", Sort: 5, Roles: []string{consts.RoleAgentAdmin},
				APIs: []string{"GET /api/relay/groups/list"},
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Relay:Group:Edit", Title: "menu.relay.group.edit", Sort: 1, Roles: super,
						APIs: []string{"POST /api/relay/groups", "PUT /api/relay/groups/{id}", "DELETE /api/relay/groups/{id}"}},
					{Type: rbac.TypeButton, AuthCode: "Relay:Group:Assign", Title: "menu.relay.group.assign", Sort: 2,
						Roles: []string{consts.RoleAgentAdmin}, APIs: []string{"PUT /api/relay/users/{userId}/group"}},
				}},
			{Type: rbac.TypeMenu, Name: "RelayChannel", Path: "/relay/channels", Component: "/relay/channels/list",
				Title: "menu.relay.channels", Icon: "lucide:waypoints", Sort: 6, Roles: super,
				APIs: []string{"GET /api/relay/channels/list", "GET /api/relay/channels/{id}", "GET /api/relay/channels/{id}/events"},
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Relay:Channel:Edit", Title: "menu.relay.channel.edit", Sort: 1, Roles: super,
						APIs: []string{"POST /api/relay/channels", "PUT /api/relay/channels/{id}", "DELETE /api/relay/channels/{id}",
							"PUT /api/relay/channels/{id}/status", "POST /api/relay/channels/{id}/keys",
							"PUT /api/relay/channels/{id}/keys/{keyId}/status", "DELETE /api/relay/channels/{id}/keys/{keyId}"}},
					{Type: rbac.TypeButton, AuthCode: "Relay:Channel:Test", Title: "menu.relay.channel.test", Sort: 2, Roles: super,
						APIs: []string{"POST /api/relay/channels/{id}/test", "POST /api/relay/channels/test-all",
							"GET /api/relay/tasks/{taskId}"}},
				}},
		},
	})
}
