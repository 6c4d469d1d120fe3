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
				// Agents cannot lift locks (theirs is never theirs to lift); an agent-admin lifts its
				// agents', the scope keeps it out of other trees.
				{Type: rbac.TypeMenu, Name: "SecurityLocks", Path: "/security/locks", Component: "/security/locks/list",
					Title: "menu.security.lock", Icon: "lucide:lock", Sort: 2, Roles: []string{consts.RoleAgentAdmin},
					Children: []rbac.Node{
						{Type: rbac.TypeButton, AuthCode: "Security:Lock:List", Title: "menu.security.lock.list", Sort: 1,
							APIs: []string{"GET /api/security/locks/list"}},
						{Type: rbac.TypeButton, AuthCode: "Security:Lock:Unlock", Title: "menu.security.lock.unlock", Sort: 2,
							APIs: []string{"POST /api/security/locks/{id}/unlock"}},
					}},
				// Fault alerts and the SMS channel are platform-wide: the super-admin's alone.
				{Type: rbac.TypeMenu, Name: "SecurityAlerts", Path: "/security/alerts", Component: "/security/alerts/list",
					Title: "menu.security.alerts", Icon: "lucide:siren", Sort: 3, Roles: []string{consts.RoleSuperAdmin},
					Children: []rbac.Node{
						{Type: rbac.TypeButton, AuthCode: "Security:Alert:List", Title: "menu.security.alerts.list", Sort: 1,
							APIs: []string{"GET /api/security/alerts/list"}},
					}},
				{Type: rbac.TypeMenu, Name: "SecuritySms", Path: "/security/sms", Component: "/security/sms/list",
					Title: "menu.security.sms", Icon: "lucide:message-square", Sort: 4, Roles: []string{consts.RoleSuperAdmin},
					Children: []rbac.Node{
						{Type: rbac.TypeButton, AuthCode: "Security:Sms:List", Title: "menu.security.sms.list", Sort: 1,
							APIs: []string{"GET /api/security/sms/log/list"}},
						{Type: rbac.TypeButton, AuthCode: "Security:Sms:Test", Title: "menu.security.sms.test", Sort: 2,
							APIs: []string{"POST /api/security/sms/test"}},
					}},
			}},
	)
}
