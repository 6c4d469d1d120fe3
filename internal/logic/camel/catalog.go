package camel

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The camel-oil pages (camel-oil.md §6): super-admin by default, since the pool, merchants and
// orders are platform-wide; granting a menu to another role gives platform-wide reads.
func init() {
	admin := []string{consts.RoleSuperAdmin}
	rbac.Register(
		rbac.Node{Type: rbac.TypeCatalog, Name: "CamelOil", Path: "/camel-oil", Redirect: "/camel-oil/accounts", Title: "menu.camelOil", Icon: "lucide:fuel",
			Sort: 60, Roles: admin, Children: []rbac.Node{
				{Type: rbac.TypeMenu, Name: "CamelOilAccounts", Path: "/camel-oil/accounts", Component: "/camel-oil/accounts/list",
					Title: "menu.camelOil.accounts", Icon: "lucide:smartphone", Sort: 1, Roles: admin,
					APIs: []string{"GET /api/camel-oil/accounts/list", "GET /api/camel-oil/accounts/{id}",
						"GET /api/camel-oil/accounts/{id}/history"},
					Children: []rbac.Node{
						{Type: rbac.TypeButton, AuthCode: "CamelOil:Account:Edit", Title: "menu.camelOil.account.edit", Sort: 1,
							APIs: []string{"POST /api/camel-oil/accounts", "PUT /api/camel-oil/accounts/{id}",
								"PUT /api/camel-oil/accounts/{id}/status", "DELETE /api/camel-oil/accounts/{id}"}},
						{Type: rbac.TypeButton, AuthCode: "CamelOil:Account:Import", Title: "menu.camelOil.account.import", Sort: 2,
							APIs: []string{"POST /api/camel-oil/accounts/acquire", "POST /api/camel-oil/accounts/import",
								"GET /api/camel-oil/accounts/export"}},
						{Type: rbac.TypeButton, AuthCode: "CamelOil:Account:Login", Title: "menu.camelOil.account.login", Sort: 3,
							APIs: []string{"POST /api/camel-oil/accounts/{id}/login", "POST /api/camel-oil/accounts/{id}/check"}},
					}},
				{Type: rbac.TypeMenu, Name: "CamelOilOrders", Path: "/camel-oil/orders", Component: "/camel-oil/orders/list",
					Title: "menu.camelOil.orders", Icon: "lucide:receipt", Sort: 2, Roles: admin,
					APIs: []string{"GET /api/camel-oil/orders/list", "GET /api/camel-oil/orders/{id}",
						"GET /api/camel-oil/orders/{id}/history", "GET /api/camel-oil/orders/export"},
					Children: []rbac.Node{
						{Type: rbac.TypeButton, AuthCode: "CamelOil:Order:Notify", Title: "menu.camelOil.order.notify", Sort: 1,
							APIs: []string{"POST /api/camel-oil/orders/{id}/refresh", "POST /api/camel-oil/orders/{id}/notify"}},
					}},
				{Type: rbac.TypeMenu, Name: "CamelOilMerchants", Path: "/camel-oil/merchants", Component: "/camel-oil/merchants/list",
					Title: "menu.camelOil.merchants", Icon: "lucide:store", Sort: 3, Roles: admin,
					APIs: []string{"GET /api/camel-oil/merchants/list"},
					Children: []rbac.Node{
						{Type: rbac.TypeButton, AuthCode: "CamelOil:Merchant:Edit", Title: "menu.camelOil.merchant.edit", Sort: 1,
							APIs: []string{"POST /api/camel-oil/merchants", "PUT /api/camel-oil/merchants/{id}",
								"PUT /api/camel-oil/merchants/{id}/status", "POST /api/camel-oil/merchants/{id}/secret/rotate"}},
					}},
				{Type: rbac.TypeMenu, Name: "CamelOilStatistics", Path: "/camel-oil/statistics", Component: "/camel-oil/statistics/index",
					Title: "menu.camelOil.statistics", Icon: "lucide:chart-column", Sort: 4, Roles: admin,
					APIs: []string{"GET /api/camel-oil/statistics"}},
				{Type: rbac.TypeMenu, Name: "CamelOilSettings", Path: "/camel-oil/settings", Component: "/camel-oil/settings/index",
					Title: "menu.camelOil.settings", Icon: "lucide:sliders-horizontal", Sort: 5, Roles: admin,
					APIs: []string{"GET /api/camel-oil/settings", "PUT /api/camel-oil/settings"}},
			}},
	)
}
