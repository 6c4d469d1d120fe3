package security

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The security log page. Every staff role reads it; the data scope keeps them apart (the
// super-admin every row, an agent-admin its subtree's, an agent its own).
func init() {
	rbac.Register(
		rbac.Node{Type: rbac.TypeCatalog, Name: "Security", Path: "/security", Title: "menu.security", Icon: "lucide:shield-alert",
			Sort: 850, Roles: []string{consts.RoleAgentAdmin, consts.RoleAgent},
			Children: []rbac.Node{
				{Type: rbac.TypeMenu, Name: "SecurityLog", Path: "/security/log", Component: "/security/log/list",
					Title: "menu.security.log", Icon: "lucide:shield-ellipsis", Sort: 1,
					Children: []rbac.Node{
						{Type: rbac.TypeButton, AuthCode: "Security:Log:List", Title: "menu.security.log.list", Sort: 1,
							APIs: []string{"GET /api/security/log/list", "GET /api/security/log/export"}},
					}},
			}},
	)
}
