package derp

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The DerpAclLogs page (derp.md §2, §5): the generation and download logs, scoped, for S, AA
// and A; the regenerate button is S and AA. Registered beside the Derp catalog (Parent) so this
// file owns its routes.
func init() {
	rbac.Register(rbac.Node{
		Type: rbac.TypeMenu, Name: "DerpAclLogs", Parent: "Derp", Path: "/derp/acl-logs", Component: "/derp/acl-logs/list",
		Title: "menu.derp.aclLogs", Icon: "lucide:file-clock", Sort: 6,
		Roles: []string{consts.RoleAgentAdmin, consts.RoleAgent},
		APIs:  []string{"GET /api/derp/acl/generations/list", "GET /api/derp/acl/downloads/list"},
		Children: []rbac.Node{
			{Type: rbac.TypeButton, AuthCode: "Derp:Acl:Regenerate", Title: "menu.derp.acl.regenerate", Sort: 1,
				Roles: []string{consts.RoleAgentAdmin}, APIs: []string{"POST /api/derp/rentals/{id}/acl/regenerate"}},
		},
	})
}
