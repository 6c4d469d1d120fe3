package card

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The batches and cards pages, under the card platform's catalog. Every staff role generates,
// exports, disables and unbinds within its data scope (an agent its own batches and cards, an
// agent-admin its subtree's); the scope, not the menu, keeps them apart.
func init() {
	staff := []string{consts.RoleAgentAdmin, consts.RoleAgent}
	rbac.Register(
		rbac.Node{Type: rbac.TypeMenu, Name: "CardsBatches", Parent: "Cards", Path: "/cards/batches",
			Component: "/cards/batches/list", Title: "menu.cards.batch", Icon: "lucide:layers", Sort: 5, Roles: staff,
			Children: []rbac.Node{
				{Type: rbac.TypeButton, AuthCode: "Card:Batch:List", Title: "menu.cards.batch.list", Sort: 1,
					APIs: []string{"GET /api/cards/batches/list", "GET /api/cards/batches/{id}"}},
				{Type: rbac.TypeButton, AuthCode: "Card:Batch:Create", Title: "menu.cards.batch.create", Sort: 2,
					APIs: []string{"POST /api/cards/batches"}},
				{Type: rbac.TypeButton, AuthCode: "Card:Batch:Export", Title: "menu.cards.batch.export", Sort: 3,
					APIs: []string{"GET /api/cards/batches/{id}/export"}},
				{Type: rbac.TypeButton, AuthCode: "Card:Batch:Disable", Title: "menu.cards.batch.disable", Sort: 4,
					APIs: []string{"POST /api/cards/batches/{id}/disable", "POST /api/cards/batches/{id}/enable"}},
			}},
		rbac.Node{Type: rbac.TypeMenu, Name: "CardsCards", Parent: "Cards", Path: "/cards/cards",
			Component: "/cards/cards/list", Title: "menu.cards.card", Icon: "lucide:ticket", Sort: 6, Roles: staff,
			Children: []rbac.Node{
				{Type: rbac.TypeButton, AuthCode: "Card:Card:List", Title: "menu.cards.card.list", Sort: 1,
					APIs: []string{"GET /api/cards/list", "GET /api/cards/{id}"}},
				{Type: rbac.TypeButton, AuthCode: "Card:Card:Status", Title: "menu.cards.card.status", Sort: 2,
					APIs: []string{"PUT /api/cards/{id}/status", "PUT /api/cards/status"}},
				{Type: rbac.TypeButton, AuthCode: "Card:Card:Unbind", Title: "menu.cards.card.unbind", Sort: 3,
					APIs: []string{"POST /api/cards/{id}/unbind"}},
			}},
	)
}
