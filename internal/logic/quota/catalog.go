package quota

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The quota pages (额度管理) and their buttons. Agents and agent-admins hold accounts, so they
// see their balance, the ledger, transfers and withdrawals; the approvers (agent-admins for
// their agents, the super-admin for everyone) see the withdrawal queue; risk review and the
// reconciliation alerts are the super-admin's.
func init() {
	staff := []string{consts.RoleAgentAdmin, consts.RoleAgent}
	rbac.Register(rbac.Node{
		Type: rbac.TypeCatalog, Name: "Quota", Path: "/quota", Title: "menu.quota", Icon: "lucide:wallet", Sort: 20,
		Roles: []string{consts.RoleAgentAdmin, consts.RoleAgent},
		Children: []rbac.Node{
			{Type: rbac.TypeMenu, Name: "QuotaAccount", Path: "/quota/account", Component: "/quota/account/index",
				Title: "menu.quota.account", Icon: "lucide:coins", Sort: 1, Roles: staff,
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Quota:Balance", Title: "menu.quota.balance", Sort: 1,
						APIs: []string{"GET /api/quota/balance"}},
					{Type: rbac.TypeButton, AuthCode: "Quota:Transfer", Title: "menu.quota.transfer", Sort: 2,
						APIs: []string{"POST /api/quota/transfer"}},
					{Type: rbac.TypeButton, AuthCode: "Quota:Recharge", Title: "menu.quota.recharge", Sort: 3,
						APIs: []string{"POST /api/quota/recharge"}, Roles: []string{consts.RoleAgentAdmin}},
				}},
			{Type: rbac.TypeMenu, Name: "QuotaLedger", Path: "/quota/ledger", Component: "/quota/ledger/list",
				Title: "menu.quota.ledger", Icon: "lucide:list", Sort: 2, Roles: staff,
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Quota:Ledger:List", Title: "menu.quota.ledger.list", Sort: 1,
						APIs: []string{"GET /api/quota/ledger/list"}},
					{Type: rbac.TypeButton, AuthCode: "Quota:Ledger:Export", Title: "menu.quota.ledger.export", Sort: 2,
						APIs: []string{"GET /api/quota/ledger/export"}},
				}},
			{Type: rbac.TypeMenu, Name: "QuotaWithdrawal", Path: "/quota/withdrawal", Component: "/quota/withdrawal/list",
				Title: "menu.quota.withdrawal", Icon: "lucide:banknote", Sort: 3, Roles: staff,
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Quota:Withdrawal:List", Title: "menu.quota.withdrawal.list", Sort: 1,
						APIs: []string{"GET /api/quota/withdrawals/list", "GET /api/quota/withdrawals/{id}"}},
					{Type: rbac.TypeButton, AuthCode: "Quota:Withdrawal:Create", Title: "menu.quota.withdrawal.create", Sort: 2,
						APIs: []string{"POST /api/quota/withdrawals", "PUT /api/quota/withdrawals/{id}/cancel"}},
					{Type: rbac.TypeButton, AuthCode: "Quota:Withdrawal:Approve", Title: "menu.quota.withdrawal.approve", Sort: 3,
						APIs:  []string{"PUT /api/quota/withdrawals/{id}/approve", "PUT /api/quota/withdrawals/{id}/reject"},
						Roles: []string{consts.RoleAgentAdmin}},
				}},
			{Type: rbac.TypeMenu, Name: "QuotaReview", Path: "/quota/review", Component: "/quota/review/list",
				Title: "menu.quota.review", Icon: "lucide:shield-alert", Sort: 4, Roles: []string{consts.RoleSuperAdmin},
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Quota:Review:List", Title: "menu.quota.review.list", Sort: 1,
						APIs: []string{"GET /api/quota/reviews/list"}},
					{Type: rbac.TypeButton, AuthCode: "Quota:Review:Decide", Title: "menu.quota.review.decide", Sort: 2,
						APIs: []string{"PUT /api/quota/reviews/{id}/approve", "PUT /api/quota/reviews/{id}/reject"}},
				}},
			{Type: rbac.TypeMenu, Name: "QuotaAlert", Path: "/quota/alert", Component: "/quota/alert/list",
				Title: "menu.quota.alert", Icon: "lucide:triangle-alert", Sort: 5, Roles: []string{consts.RoleSuperAdmin},
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Quota:Alert:List", Title: "menu.quota.alert.list", Sort: 1,
						APIs: []string{"GET /api/quota/alerts/list"}},
				}},
		},
	})
}
