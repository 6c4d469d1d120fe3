package backup

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The backups page is the super-admin's: a backup holds every tenant's data.
func init() {
	rbac.Register(rbac.Node{Type: rbac.TypeMenu, Name: "SystemBackup", Parent: "System", Path: "/system/backup",
		Component: "/system/backup/list", Title: "menu.system.backup", Icon: "lucide:database-backup", Sort: 8,
		Roles: []string{consts.RoleSuperAdmin},
		Children: []rbac.Node{
			{Type: rbac.TypeButton, AuthCode: "System:Backup:List", Title: "menu.system.backup.list", Sort: 1,
				APIs: []string{"GET /api/system/backups/list"}},
			{Type: rbac.TypeButton, AuthCode: "System:Backup:Create", Title: "menu.system.backup.create", Sort: 2,
				APIs: []string{"POST /api/system/backups"}},
			{Type: rbac.TypeButton, AuthCode: "System:Backup:Restore", Title: "menu.system.backup.restore", Sort: 3,
				APIs: []string{"POST /api/system/backups/{id}/restore", "POST /api/system/restore-requests/{id}/approve"}},
		}})
}
