package project

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The card platform's pages (卡密平台). Projects and plans are the super-admin's to manage;
// agents and agent-admins read the active ones (to apply for them, and to pick a plan when
// they generate cards). The authorization module attaches its pages under the same catalog,
// and the batches and cards pages come with their routes.
func init() {
	staff := []string{consts.RoleAgentAdmin, consts.RoleAgent}
	admin := []string{consts.RoleSuperAdmin}
	rbac.Register(rbac.Node{
		Type: rbac.TypeCatalog, Name: "Cards", Path: "/cards", Title: "menu.cards", Icon: "lucide:ticket", Sort: 10,
		Roles: staff,
		Children: []rbac.Node{
			{Type: rbac.TypeMenu, Name: "CardsProjects", Path: "/cards/projects", Component: "/cards/projects/list",
				Title: "menu.cards.project", Icon: "lucide:boxes", Sort: 1, Roles: staff,
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Card:Project:List", Title: "menu.cards.project.list", Sort: 1,
						APIs: []string{"GET /api/projects/list", "GET /api/projects/{id}"}},
					{Type: rbac.TypeButton, AuthCode: "Card:Project:Create", Title: "menu.cards.project.create", Sort: 2,
						APIs: []string{"POST /api/projects"}, Roles: admin},
					{Type: rbac.TypeButton, AuthCode: "Card:Project:Edit", Title: "menu.cards.project.edit", Sort: 3,
						APIs: []string{"PUT /api/projects/{id}", "PUT /api/projects/{id}/status"}, Roles: admin},
					{Type: rbac.TypeButton, AuthCode: "Card:Project:Secret", Title: "menu.cards.project.secret", Sort: 4,
						APIs:  []string{"POST /api/projects/{id}/secret/rotate", "POST /api/projects/{id}/signing-key/rotate"},
						Roles: admin},
				}},
			{Type: rbac.TypeMenu, Name: "CardsPlans", Path: "/cards/plans", Component: "/cards/plans/list",
				Title: "menu.cards.plan", Icon: "lucide:tags", Sort: 2, Roles: staff,
				Children: []rbac.Node{
					{Type: rbac.TypeButton, AuthCode: "Card:Plan:List", Title: "menu.cards.plan.list", Sort: 1,
						APIs: []string{"GET /api/projects/{id}/plans/list"}},
					{Type: rbac.TypeButton, AuthCode: "Card:Plan:Edit", Title: "menu.cards.plan.edit", Sort: 2,
						APIs: []string{"POST /api/projects/{id}/plans", "PUT /api/projects/{id}/plans/{planId}",
							"PUT /api/projects/{id}/plans/{planId}/status", "DELETE /api/projects/{id}/plans/{planId}"},
						Roles: admin},
				}},
		},
	})
}
