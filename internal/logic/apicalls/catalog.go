package apicalls

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

func init() {
	// The call log is the super-admin's, on the projects page beside the project's other
	// buttons.
	admin := []string{consts.RoleSuperAdmin}
	rbac.Register(
		rbac.Node{Type: rbac.TypeButton, Parent: "CardsProjects", AuthCode: "Card:Project:Calls",
			Title: "menu.cards.project.calls", Sort: 5, APIs: []string{"GET /api/projects/{id}/calls/list"}, Roles: admin},
		rbac.Node{Type: rbac.TypeButton, Parent: "CardsProjects", AuthCode: "Card:Project:Failures",
			Title: "menu.cards.project.failures", Sort: 6, APIs: []string{"GET /api/projects/{id}/failures/list"}, Roles: admin},
	)
}
