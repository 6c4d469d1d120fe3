package banner

import (
	"kami/internal/consts"
	"kami/internal/logic/rbac"
)

// The banners page under System: the carousel is the whole platform's, so only the super-admin
// manages it; anyone reads the public list and the images.
func init() {
	rbac.Register(rbac.Node{Type: rbac.TypeMenu, Name: "SystemBanner", Parent: "System", Path: "/system/banner",
		Component: "/system/banner/list", Title: "menu.system.banner", Icon: "lucide:images", Sort: 20,
		Roles: []string{consts.RoleSuperAdmin},
		Children: []rbac.Node{
			{Type: rbac.TypeButton, AuthCode: "System:Banner:List", Title: "menu.system.banner.list", Sort: 1,
				APIs: []string{"GET /api/system/banners/list"}},
			{Type: rbac.TypeButton, AuthCode: "System:Banner:Edit", Title: "menu.system.banner.edit", Sort: 2,
				APIs: []string{"POST /api/system/banners", "PUT /api/system/banners/{id}", "PUT /api/system/banners/{id}/status"}},
			{Type: rbac.TypeButton, AuthCode: "System:Banner:Delete", Title: "menu.system.banner.delete", Sort: 3,
				APIs: []string{"DELETE /api/system/banners/{id}"}},
		}})
}
