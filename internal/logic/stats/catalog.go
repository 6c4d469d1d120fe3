package stats

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The statistics page under the dashboard catalog: every staff role reads the reports of its own scope
// (the scope, not the menu, keeps an agent to its own figures) and exports them.
func init() {
	staff := []string{consts.RoleAgentAdmin, consts.RoleAgent}
	rbac.Register(
		rbac.Node{Type: rbac.TypeMenu, Name: "DashboardStats", Parent: "Dashboard", Path: "/dashboard/stats",
			Component: "/dashboard/stats/index", Title: "menu.stats", Icon: "lucide:chart-column", Sort: 2, Roles: staff,
			Children: []rbac.Node{
				{Type: rbac.TypeButton, AuthCode: "Stats:Report:View", Title: "menu.stats.view", Sort: 1,
					APIs: []string{"GET /api/stats/cards", "GET /api/stats/quota", "GET /api/stats/activity", "GET /api/stats/activity/heatmap",
						"GET /api/stats/top-agents"}},
				{Type: rbac.TypeButton, AuthCode: "Stats:Report:Export", Title: "menu.stats.export", Sort: 2,
					APIs: []string{"GET /api/stats/export"}},
			}},
	)
}
