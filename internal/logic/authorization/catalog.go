package authorization

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The authorization pages, under the card platform's catalog. Every staff role sees the
// authorizations and applications in its scope (an agent: its own); admins grant, revoke and
// decide; agents and agent-admins apply.
func init() {
	staff := []string{consts.RoleAgentAdmin, consts.RoleAgent}
	admins := []string{consts.RoleAgentAdmin}
	rbac.Register(
		rbac.Node{Type: rbac.TypeMenu, Name: "CardsAuthorizations", Parent: "Cards", Path: "/cards/authorizations",
			Component: "/cards/authorizations/list", Title: "menu.cards.authorization", Icon: "lucide:key-round", Sort: 3,
			Roles: staff,
			Children: []rbac.Node{
				{Type: rbac.TypeButton, AuthCode: "Card:Authorization:List", Title: "menu.cards.authorization.list", Sort: 1,
					APIs: []string{"GET /api/authorizations/list"}},
				{Type: rbac.TypeButton, AuthCode: "Card:Authorization:Grant", Title: "menu.cards.authorization.grant", Sort: 2,
					APIs:  []string{"POST /api/authorizations", "PUT /api/authorizations/{id}", "DELETE /api/authorizations/{id}"},
					Roles: admins},
			}},
		rbac.Node{Type: rbac.TypeMenu, Name: "CardsApplications", Parent: "Cards", Path: "/cards/applications",
			Component: "/cards/applications/list", Title: "menu.cards.application", Icon: "lucide:inbox", Sort: 4,
			Roles: staff,
			Children: []rbac.Node{
				{Type: rbac.TypeButton, AuthCode: "Card:Application:List", Title: "menu.cards.application.list", Sort: 1,
					APIs: []string{"GET /api/authorization-applications/list"}},
				{Type: rbac.TypeButton, AuthCode: "Card:Application:Create", Title: "menu.cards.application.create", Sort: 2,
					APIs: []string{"POST /api/authorization-applications"}},
				{Type: rbac.TypeButton, AuthCode: "Card:Application:Decide", Title: "menu.cards.application.decide", Sort: 3,
					APIs:  []string{"PUT /api/authorization-applications/{id}/approve", "PUT /api/authorization-applications/{id}/reject"},
					Roles: admins},
			}},
	)
}
