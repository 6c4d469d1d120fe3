package v1

import "github.com/gogf/gf/v2/frame/g"

type MenuListReq struct {
	g.Meta `path:"/system/menu/list" method:"get" tags:"System/Role" summary:"Every menu the caller holds, flat, for the role-assignment tree"`
}

type MenuListRes struct {
	Items []*MenuListItem `json:"items"`
	Total int             `json:"total"`
}

type MenuListItem struct {
	Id       int64  `json:"id"`
	ParentId int64  `json:"parentId"`
	Type     string `json:"type"     dc:"catalog | menu | button"`
	Name     string `json:"name"`
	Title    string `json:"title"    dc:"localized"`
	AuthCode string `json:"authCode" dc:"permission code of a button"`
	Sort     int    `json:"sort"`
}
