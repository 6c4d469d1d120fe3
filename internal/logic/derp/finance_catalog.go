package derp

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The DerpFinance page (derp.md §2 "Finance"): S, AA and A see the figures and the orders of
// their scope; only S refunds.
func init() {
	rbac.Register(rbac.Node{
		Type: rbac.TypeMenu, Name: "DerpFinance", Parent: "Derp", Path: "/derp/finance", Component: "/derp/finance/index",
		Title: "menu.derp.finance", Icon: "lucide:wallet", Sort: 6, Roles: []string{consts.RoleAgentAdmin, consts.RoleAgent},
		APIs: []string{"GET /api/derp/finance/summary", "GET /api/derp/finance/distributors/list", "GET /api/derp/orders/list"},
		Children: []rbac.Node{
			{Type: rbac.TypeButton, AuthCode: "Derp:Order:Refund", Title: "menu.derp.order.refund", Sort: 1,
				Roles: []string{consts.RoleSuperAdmin}, APIs: []string{"PUT /api/derp/orders/{id}/refund"}},
		},
	})
}
