package derp

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The Derp catalog (derp.md §2). Pages join with their routes; the staff pages default to S, AA
// and A, the platform pages (servers, tiers, distributors) to S only, DerpMine to members.
func init() {
	staff := []string{consts.RoleAgentAdmin, consts.RoleAgent}
	superOnly := []string{consts.RoleSuperAdmin}
	rbac.Register(rbac.Node{
		Type: rbac.TypeCatalog, Name: "Derp", Path: "/derp", Title: "menu.derp", Icon: "lucide:radio-tower", Sort: 25,
		Roles: append(append([]string{}, staff...), consts.RoleMember),
		Children: []rbac.Node{
			{Type: rbac.TypeMenu, Name: "DerpPlans", Path: "/derp/plans", Component: "/derp/plans/list",
				Title: "menu.derp.plans", Icon: "lucide:list", Sort: 1, Roles: staff,
				APIs: []string{"GET /api/derp/plans/list"},
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Derp:Plan:Edit", Title: "menu.derp.plan.edit", Sort: 1, Roles: superOnly,
						APIs: []string{"POST /api/derp/plans", "PUT /api/derp/plans/{id}", "DELETE /api/derp/plans/{id}"}},
				}},
			{Type: rbac.TypeMenu, Name: "DerpSerials", Path: "/derp/serials", Component: "/derp/serials/list",
				Title: "menu.derp.serials", Icon: "lucide:ticket", Sort: 2, Roles: staff,
				APIs: []string{"GET /api/derp/serials/list", "GET /api/derp/serials/{id}", "GET /api/derp/serials/batches/list"},
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Derp:Serial:Export", Title: "menu.derp.serial.export", Sort: 2,
						Roles: staff, APIs: []string{"GET /api/derp/serials/batches/{id}/export"}},
					{Type: rbac.TypeButton, AuthCode: "Derp:Serial:Void", Title: "menu.derp.serial.void", Sort: 3,
						Roles: superOnly, APIs: []string{"POST /api/derp/serials/{id}/void"}},
					{Type: rbac.TypeButton, AuthCode: "Derp:Serial:Generate", Title: "menu.derp.serial.generate", Sort: 1,
						Roles: superOnly, APIs: []string{"POST /api/derp/serials/batches"}},
				}},
			{Type: rbac.TypeMenu, Name: "DerpCustomers", Path: "/derp/customers", Component: "/derp/customers/list",
				Title: "menu.derp.customers", Icon: "lucide:users", Sort: 4, Roles: staff,
				APIs: []string{"GET /api/derp/customers/list", "GET /api/derp/customers/{id}", "POST /api/derp/customers"}},
			{Type: rbac.TypeMenu, Name: "DerpSerialOrders", Path: "/derp/serial-orders", Component: "/derp/serial-orders/list",
				Title: "menu.derp.orders", Icon: "lucide:receipt", Sort: 3, Roles: staff,
				APIs: []string{"GET /api/derp/serial-orders/list", "POST /api/derp/serial-orders",
					"PUT /api/derp/serial-orders/{id}/cancel"},
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Derp:Order:Approve", Title: "menu.derp.order.approve", Sort: 1,
						Roles: superOnly, APIs: []string{"PUT /api/derp/serial-orders/{id}/approve",
							"PUT /api/derp/serial-orders/{id}/reject"}},
				}},
			{Type: rbac.TypeMenu, Name: "DerpRentals", Path: "/derp/rentals", Component: "/derp/rentals/list",
				Title: "menu.derp.rentals", Icon: "lucide:server", Sort: 5, Roles: staff,
				APIs: []string{"GET /api/derp/rentals/list", "GET /api/derp/rentals/{id}", "GET /api/derp/rentals/history/list"},
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Derp:Rental:Extend", Title: "menu.derp.rental.extend", Sort: 1,
						Roles: superOnly, APIs: []string{"POST /api/derp/rentals/{id}/extend"}},
					{Type: rbac.TypeButton, AuthCode: "Derp:Rental:Suspend", Title: "menu.derp.rental.suspend", Sort: 2,
						Roles: superOnly, APIs: []string{"POST /api/derp/rentals/{id}/suspend",
							"POST /api/derp/rentals/{id}/resume"}},
					{Type: rbac.TypeButton, AuthCode: "Derp:Rental:Deregister", Title: "menu.derp.rental.deregister", Sort: 3,
						Roles: superOnly, APIs: []string{"POST /api/derp/rentals/{id}/deregister"}},
				}},
			{Type: rbac.TypeMenu, Name: "DerpTiers", Path: "/derp/tiers", Component: "/derp/tiers/list",
				Title: "menu.derp.tiers", Icon: "lucide:award", Sort: 20, Roles: superOnly,
				APIs: []string{"GET /api/derp/tiers/list", "PUT /api/derp/tiers/{code}"}},
			{Type: rbac.TypeMenu, Name: "DerpDistributors", Path: "/derp/distributors", Component: "/derp/distributors/list",
				Title: "menu.derp.distributors", Icon: "lucide:store", Sort: 21, Roles: superOnly,
				APIs: []string{"GET /api/derp/distributors/list", "PUT /api/derp/distributors/{userId}",
					"DELETE /api/derp/distributors/{userId}"}},
			{Type: rbac.TypeMenu, Name: "DerpMine", Path: "/derp/mine", Component: "/derp/mine/index",
				Title: "menu.derp.mine", Icon: "lucide:radio", Sort: 30, Roles: []string{consts.RoleMember},
				APIs: []string{"GET /api/quota/balance", "GET /api/quota/ledger/list",
					"POST /api/derp/me/rentals/activate", "GET /api/derp/me/rentals/list", "GET /api/derp/me/rentals/{id}",
					"POST /api/derp/me/rentals/{id}/renew", "GET /api/derp/me/rentals/{id}/traffic",
					"GET /api/derp/me/orders/list",
					// derp-acl: the derpMap, its versions and options, and the devices.
					"PUT /api/derp/me/rentals/{id}", "GET /api/derp/me/rentals/{id}/acl",
					"GET /api/derp/me/rentals/{id}/acl/versions", "POST /api/derp/me/rentals/{id}/acl/regenerate",
					"GET /api/derp/me/rentals/{id}/devices/list", "POST /api/derp/me/rentals/{id}/devices",
					"PUT /api/derp/me/rentals/{id}/devices/{did}", "DELETE /api/derp/me/rentals/{id}/devices/{did}",
					"POST /api/derp/me/rentals/{id}/devices/learn"}},
		},
	})
}
