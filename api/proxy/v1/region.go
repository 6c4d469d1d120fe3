package v1

import "github.com/gogf/gf/v2/frame/g"

// RegionItem is one node of the upstream's region tree.
type RegionItem struct {
	Code       string `json:"code"`
	ParentCode string `json:"parentCode"`
	Name       string `json:"name"`
	NameEn     string `json:"nameEn"`
}

type RegionListReq struct {
	g.Meta     `path:"/proxy/regions" method:"get" tags:"代理 Proxy" summary:"The children of a region (absent parentCode: the top level), as synced by proxy.region_sync"`
	ParentCode string `json:"parentCode" v:"max-length:32"`
}

type RegionListRes struct {
	Items []RegionItem `json:"items"`
	Total int          `json:"total"`
}
