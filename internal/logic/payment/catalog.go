package payment

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The top-up page and the payment orders, under the quota catalog. The holders of quota
// accounts (agent-admins, agents) top up and see their orders (an agent-admin its subtree's,
// through the scope); refunds are the super-admin's.
func init() {
	staff := []string{consts.RoleAgentAdmin, consts.RoleAgent}
	rbac.Register(
		rbac.Node{Type: rbac.TypeMenu, Name: "PaymentTopup", Parent: "Quota", Path: "/quota/topup",
			Component: "/quota/topup/index", Title: "menu.payment.topup", Icon: "lucide:credit-card", Sort: 6, Roles: staff,
			Children: []rbac.Node{
				{Type: rbac.TypeButton, AuthCode: "Payment:Topup", Title: "menu.payment.topup.pay", Sort: 1,
					APIs: []string{"GET /api/payment/topup", "POST /api/payment/orders"}},
			}},
		rbac.Node{Type: rbac.TypeMenu, Name: "PaymentOrders", Parent: "Quota", Path: "/quota/payments",
			Component: "/quota/payments/list", Title: "menu.payment.orders", Icon: "lucide:receipt", Sort: 7, Roles: staff,
			Children: []rbac.Node{
				{Type: rbac.TypeButton, AuthCode: "Payment:Order:List", Title: "menu.payment.orders.list", Sort: 1,
					APIs: []string{"GET /api/payment/orders/list", "GET /api/payment/orders/{id}"}},
				{Type: rbac.TypeButton, AuthCode: "Payment:Order:Query", Title: "menu.payment.orders.query", Sort: 2,
					APIs: []string{"POST /api/payment/orders/{id}/query"}},
				{Type: rbac.TypeButton, AuthCode: "Payment:Order:Refund", Title: "menu.payment.orders.refund", Sort: 3,
					APIs: []string{"POST /api/payment/orders/{id}/refund"}, Roles: []string{consts.RoleSuperAdmin}},
			}},
	)
}
