package logs

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The system log page is the super-admin's: its rows are the whole platform's internals (SQL
// errors, other tenants' trace ids), not anyone's own data.
func init() {
	rbac.Register(rbac.Node{Type: rbac.TypeMenu, Name: "SystemSystemLog", Parent: "System", Path: "/system/log/system",
		Component: "/system/log/system", Title: "menu.system.log.system", Icon: "lucide:file-warning", Sort: 4,
		Roles: []string{consts.RoleSuperAdmin},
		Children: []rbac.Node{
			{Type: rbac.TypeButton, AuthCode: "System:Log:System", Title: "menu.system.log.system.list", Sort: 1,
				APIs: []string{"GET /api/system/log/system/list", "GET /api/system/log/system/export"}},
		}})
}
