package rbac

import "kami/internal/consts"

// The menus of the foundation modules (dashboard, users, roles, logs, jobs). Other modules
// register theirs from their own init with Register.
func init() {
	Register(
		Node{
			Type: TypeCatalog, Name: "Dashboard", Path: "/dashboard", Redirect: "/dashboard/analytics",
			Title: "menu.dashboard", Icon: "lucide:layout-dashboard", Sort: -1,
			Roles: []string{consts.RoleAgentAdmin, consts.RoleAgent},
			Children: []Node{{
				Type: TypeMenu, Name: "Analytics", Path: "/dashboard/analytics", Component: "/dashboard/analytics/index",
				Title: "menu.dashboard.analytics", Icon: "lucide:area-chart",
			}},
		},
		Node{
			Type: TypeCatalog, Name: "System", Path: "/system", Title: "menu.system", Icon: "lucide:settings", Sort: 900,
			Roles: []string{consts.RoleAgentAdmin},
			Children: []Node{
				{
					Type: TypeMenu, Name: "SystemUser", Path: "/system/user", Component: "/system/user/list",
					Title: "menu.system.user", Icon: "lucide:users", Sort: 1,
					Children: []Node{
						{Type: TypeButton, AuthCode: "System:User:List", Title: "menu.system.user.list", Sort: 1,
							APIs: []string{"GET /api/system/user/list", "GET /api/system/user/{id}"}},
						{Type: TypeButton, AuthCode: "System:User:Create", Title: "menu.system.user.create", Sort: 2,
							APIs: []string{"POST /api/system/user"}},
						{Type: TypeButton, AuthCode: "System:User:Edit", Title: "menu.system.user.edit", Sort: 3,
							APIs: []string{"PUT /api/system/user/{id}"}},
						{Type: TypeButton, AuthCode: "System:User:Status", Title: "menu.system.user.status", Sort: 4,
							APIs: []string{"PUT /api/system/user/{id}/status"}},
						{Type: TypeButton, AuthCode: "System:User:ResetPassword", Title: "menu.system.user.resetPassword", Sort: 5,
							APIs: []string{"PUT /api/system/user/{id}/password"}},
					},
				},
				{
					// Only the super-admin holds it: the roles are the platform's shape, and an
					// agent-admin may only hand out what it holds anyway (see SetRoleMenus).
					Type: TypeMenu, Name: "SystemRole", Path: "/system/role", Component: "/system/role/list",
					Title: "menu.system.role", Icon: "lucide:shield-check", Sort: 2,
					Roles: []string{consts.RoleSuperAdmin},
					Children: []Node{
						{Type: TypeButton, AuthCode: "System:Role:List", Title: "menu.system.role.list", Sort: 1,
							APIs: []string{"GET /api/system/role/list", "GET /api/system/role/{code}/menus", "GET /api/system/menu/list"}},
						{Type: TypeButton, AuthCode: "System:Role:Edit", Title: "menu.system.role.edit", Sort: 2,
							APIs: []string{"PUT /api/system/role/{code}/menus"}},
					},
				},
				{
					Type: TypeMenu, Name: "SystemOperationLog", Path: "/system/log/operation", Component: "/system/log/operation",
					Title: "menu.system.log.operation", Icon: "lucide:file-clock", Sort: 3,
					Children: []Node{
						{Type: TypeButton, AuthCode: "System:Log:Operation", Title: "menu.system.log.operation.list", Sort: 1,
							APIs: []string{"GET /api/system/log/operation/list", "GET /api/system/log/operation/export"}},
					},
				},
				{
					Type: TypeMenu, Name: "SystemLoginLog", Path: "/system/log/login", Component: "/system/log/login",
					Title: "menu.system.log.login", Icon: "lucide:log-in", Sort: 4,
					Children: []Node{
						{Type: TypeButton, AuthCode: "System:Log:Login", Title: "menu.system.log.login.list", Sort: 1,
							APIs: []string{"GET /api/system/log/login/list", "GET /api/system/log/login/export"}},
					},
				},
				{
					Type: TypeMenu, Name: "SystemSettings", Path: "/system/settings", Component: "/system/settings/index",
					Title: "menu.system.settings", Icon: "lucide:sliders-horizontal", Sort: 6,
					Roles: []string{consts.RoleSuperAdmin},
					Children: []Node{
						{Type: TypeButton, AuthCode: "System:Settings:List", Title: "menu.system.settings.list", Sort: 1,
							APIs: []string{"GET /api/system/settings", "GET /api/system/settings/changes/list"}},
						{Type: TypeButton, AuthCode: "System:Settings:Edit", Title: "menu.system.settings.edit", Sort: 2,
							APIs: []string{"PUT /api/system/settings"}},
					},
				},
				{
					Type: TypeMenu, Name: "SystemJob", Path: "/system/job", Component: "/system/job/list",
					Title: "menu.system.job", Icon: "lucide:timer", Sort: 5,
					Roles: []string{consts.RoleSuperAdmin},
					Children: []Node{
						{Type: TypeButton, AuthCode: "System:Job:List", Title: "menu.system.job.list", Sort: 1,
							APIs: []string{"GET /api/system/job/list", "GET /api/system/job/runs"}},
						{Type: TypeButton, AuthCode: "System:Job:Edit", Title: "menu.system.job.edit", Sort: 2,
							APIs: []string{"PUT /api/system/job/{name}"}},
						{Type: TypeButton, AuthCode: "System:Job:Run", Title: "menu.system.job.run", Sort: 3,
							APIs: []string{"POST /api/system/job/{name}/run"}},
					},
				},
			},
		},
	)
}
