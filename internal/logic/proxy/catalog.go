package proxy

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The Proxy catalog (§6). This step lands products, proxy users, orders and the super-admin's settings;
// the other pages join as their routes land.
func init() {
	staff := []string{consts.RoleAgentAdmin, consts.RoleAgent}
	rbac.Register(rbac.Node{
		Type: rbac.TypeCatalog, Name: "Proxy", Path: "/proxy", Title: "menu.proxy", Icon: "lucide:globe", Sort: 20,
		Roles: staff,
		Children: []rbac.Node{
			{Type: rbac.TypeMenu, Name: "ProxyProducts", Path: "/proxy/products", Component: "/proxy/products/list",
				Title: "menu.proxy.products", Icon: "lucide:package", Sort: 1, Roles: staff,
				APIs: []string{"GET /api/proxy/products/list", "GET /api/proxy/products/{productNo}",
					"GET /api/proxy/products/{productNo}/areas", "GET /api/proxy/regions"},
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Proxy:Product:Edit", Title: "menu.proxy.product.edit", Sort: 1,
						Roles: []string{consts.RoleSuperAdmin}, APIs: []string{"PUT /api/proxy/products/{productNo}"}},
					{Type: rbac.TypeButton, AuthCode: "Proxy:Draw", Title: "menu.proxy.draw", Sort: 2,
						APIs: []string{"POST /api/proxy/draw/api", "POST /api/proxy/draw/pwd"}},
					{Type: rbac.TypeButton, AuthCode: "Proxy:Price:Edit", Title: "menu.proxy.price.edit", Sort: 3,
						Roles: []string{consts.RoleSuperAdmin, consts.RoleAgentAdmin},
						APIs:  []string{"GET /api/proxy/prices/list", "PUT /api/proxy/prices", "DELETE /api/proxy/prices/{id}"}},
				}},
			{Type: rbac.TypeMenu, Name: "ProxyUsers", Path: "/proxy/users", Component: "/proxy/users/list",
				Title: "menu.proxy.users", Icon: "lucide:users", Sort: 2, Roles: staff,
				APIs: []string{"GET /api/proxy/users/list", "GET /api/proxy/users/{id}", "GET /api/proxy/users/{id}/limits"},
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Proxy:User:Create", Title: "menu.proxy.user.create", Sort: 1,
						APIs: []string{"POST /api/proxy/users"}},
					{Type: rbac.TypeButton, AuthCode: "Proxy:User:Edit", Title: "menu.proxy.user.edit", Sort: 2,
						APIs: []string{"PUT /api/proxy/users/{id}", "PUT /api/proxy/users/{id}/limits"}},
				}},
			{Type: rbac.TypeMenu, Name: "ProxyOrders", Path: "/proxy/orders", Component: "/proxy/orders/list",
				Title: "menu.proxy.orders", Icon: "lucide:receipt", Sort: 3, Roles: staff,
				APIs: []string{"GET /api/proxy/orders/list", "GET /api/proxy/orders/{id}"},
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Proxy:Order:Create", Title: "menu.proxy.order.create", Sort: 1,
						APIs: []string{"POST /api/proxy/orders/static", "POST /api/proxy/orders/dynamic",
							"POST /api/proxy/orders/static-assign", "GET /api/proxy/assign-ip",
							"POST /api/proxy/orders/{id}/refresh"}},
				}},
			{Type: rbac.TypeMenu, Name: "ProxyInstances", Path: "/proxy/instances", Component: "/proxy/instances/list",
				Title: "menu.proxy.instances", Icon: "lucide:server", Sort: 4, Roles: staff,
				APIs: []string{"GET /api/proxy/instances/list", "GET /api/proxy/instances/{instanceNo}",
					"PUT /api/proxy/instances/{instanceNo}"},
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Proxy:Instance:Renew", Title: "menu.proxy.instance.renew", Sort: 1,
						APIs: []string{"POST /api/proxy/instances/renew"}},
					{Type: rbac.TypeButton, AuthCode: "Proxy:Instance:Release", Title: "menu.proxy.instance.release", Sort: 2,
						APIs: []string{"POST /api/proxy/instances/release"}},
				}},
			{Type: rbac.TypeMenu, Name: "ProxyWhitelist", Path: "/proxy/whitelist", Component: "/proxy/whitelist/list",
				Title: "menu.proxy.whitelist", Icon: "lucide:shield-check", Sort: 5, Roles: staff,
				APIs: []string{"GET /api/proxy/whitelist/list"},
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Proxy:Whitelist:Edit", Title: "menu.proxy.whitelist.edit", Sort: 1,
						APIs: []string{"POST /api/proxy/whitelist", "DELETE /api/proxy/whitelist/{id}"}},
				}},
			{Type: rbac.TypeMenu, Name: "ProxyUsage", Path: "/proxy/usage", Component: "/proxy/usage/index",
				Title: "menu.proxy.usage", Icon: "lucide:chart-column", Sort: 6, Roles: staff,
				APIs: []string{"GET /api/proxy/pools/list", "GET /api/proxy/flow-logs/list", "GET /api/proxy/stats/orders"},
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Proxy:Return", Title: "menu.proxy.return", Sort: 1,
						Roles: []string{consts.RoleSuperAdmin}, APIs: []string{"POST /api/proxy/returns"}},
				}},
			{Type: rbac.TypeMenu, Name: "ProxyLogs", Path: "/proxy/logs", Component: "/proxy/logs/index",
				Title: "menu.proxy.logs", Icon: "lucide:scroll-text", Sort: 91, Roles: []string{consts.RoleSuperAdmin},
				APIs: []string{"GET /api/proxy/sync-logs/list", "GET /api/proxy/callback-logs/list",
					"GET /api/proxy/call-logs/list", "GET /api/proxy/discrepancies/list",
					"POST /api/proxy/discrepancies/{id}/resolve"}},
			{Type: rbac.TypeMenu, Name: "ProxySettings", Path: "/proxy/settings", Component: "/proxy/settings/index",
				Title: "menu.proxy.settings", Icon: "lucide:settings", Sort: 90, Roles: []string{consts.RoleSuperAdmin},
				APIs: []string{"GET /api/proxy/settings", "PUT /api/proxy/settings", "POST /api/proxy/settings/test",
					"POST /api/proxy/settings/callback-token"}},
		},
	})
}
