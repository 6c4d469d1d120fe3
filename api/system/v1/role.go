package v1

import "github.com/gogf/gf/v2/frame/g"

type RoleListReq struct {
	g.Meta `path:"/system/role/list" method:"get" tags:"System/Role" summary:"Roles at the caller's level and below"`
}

// RoleListRes has the list shape of every list endpoint; roles are few, so it is not paged.
type RoleListRes struct {
	Items []*RoleItem `json:"items"`
	Total int         `json:"total"`
}

type RoleItem struct {
	Code   string `json:"code"`
	Name   string `json:"name"  dc:"localized"`
	Level  int    `json:"level" dc:"0 is the highest; a role manages only roles with a larger level"`
	Remark string `json:"remark"`
}

type RoleMenusReq struct {
	g.Meta `path:"/system/role/{code}/menus" method:"get" tags:"System/Role" summary:"Menu ids granted to a role, among those the caller holds"`
	Code   string `json:"code" in:"path" v:"required|max-length:32"`
}

type RoleMenusRes struct {
	MenuIds []int64 `json:"menuIds"`
}

type RoleMenusUpdateReq struct {
	g.Meta  `path:"/system/role/{code}/menus" method:"put" tags:"System/Role" summary:"Replace the menus a role holds (within the caller's own)" sensitive:"role"`
	Code    string  `json:"code"    in:"path" v:"required|max-length:32"`
	MenuIds []int64 `json:"menuIds" v:"required|foreach|min:1" dc:"the complete set of granted menu ids the caller can see; at most 1000"`
}

type RoleMenusUpdateRes struct{}
