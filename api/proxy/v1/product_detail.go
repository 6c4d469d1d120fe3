package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

type ProductGetReq struct {
	g.Meta    `path:"/proxy/products/{productNo}" method:"get" tags:"代理 Proxy" summary:"One synced product with the caller's effective sale price"`
	ProductNo string `json:"productNo" in:"path" v:"required|max-length:64"`
}

type ProductGetRes = ProductItem

// AreaItem is one area of a dynamic product (product/area/v2).
type AreaItem struct {
	AreaCode    string `json:"areaCode"`
	CountryCode string `json:"countryCode"`
	StateCode   string `json:"stateCode"`
	CityCode    string `json:"cityCode"`
	Status      int    `json:"status" dc:"1 available, -1 not"`
	Region      string `json:"region"`
}

type ProductAreasReq struct {
	g.Meta    `path:"/proxy/products/{productNo}/areas" method:"get" tags:"代理 Proxy" summary:"The areas of a dynamic product, as last synced"`
	ProductNo string `json:"productNo" in:"path" v:"required|max-length:64"`
	common.PageReq
}

type ProductAreasRes struct {
	Items []AreaItem `json:"items"`
	Total int        `json:"total"`
}
