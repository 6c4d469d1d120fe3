package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// Caps are the product's upstream capabilities (1 = offered, -1 = not).
type Caps struct {
	IpWhiteList        int `json:"ipWhiteList"`
	PwdDrawProxyUser   int `json:"pwdDrawProxyUser"`
	ProxyUserFlowLimit int `json:"proxyUserFlowLimit"`
	FlowUseLog         int `json:"flowUseLog"`
}

// ProductItem is a synced product; costPrice/costPriceRaw reach the super-admin only.
type ProductItem struct {
	ProductNo      string  `json:"productNo"`
	Name           string  `json:"name"`
	ProxyType      int     `json:"proxyType"`
	Kind           string  `json:"kind"           dc:"dynamic or static"`
	CountryCode    string  `json:"countryCode"`
	StateCode      string  `json:"stateCode"`
	CityCode       string  `json:"cityCode"`
	Unit           int     `json:"unit"`
	Duration       int     `json:"duration"`
	Inventory      int     `json:"inventory"`
	DrawType       int     `json:"drawType"`
	AssignIp       int     `json:"assignIp"`
	FlowBase       int     `json:"flowBase"`
	Caps           Caps    `json:"caps"`
	SalePrice      int64   `json:"salePrice"      dc:"fen per GB (dynamic) or per instance-cycle (static), effective for the caller"`
	Sellable       bool    `json:"sellable"`
	UpstreamStatus string  `json:"upstreamStatus" dc:"online or offline"`
	SyncedAt       *string `json:"syncedAt"`
	CostPrice      *int64  `json:"costPrice,omitempty"    dc:"super-admin only"`
	CostPriceRaw   *string `json:"costPriceRaw,omitempty" dc:"super-admin only"`
}

type ProductListReq struct {
	g.Meta `path:"/proxy/products/list" method:"get" tags:"代理 Proxy" summary:"Synced products with the caller's effective sale price"`
	common.PageReq
	ProxyType   int    `json:"proxyType"   v:"in:0,101,102,103,104,105"`
	Kind        string `json:"kind"        v:"in:dynamic,static,"`
	CountryCode string `json:"countryCode" v:"max-length:16"`
	Sellable    *bool  `json:"sellable"`
	Keyword     string `json:"keyword"     v:"max-length:64"`
}

type ProductListRes struct {
	Items []ProductItem `json:"items"`
	Total int           `json:"total"`
}

type ProductUpdateReq struct {
	g.Meta      `path:"/proxy/products/{productNo}" method:"put" tags:"代理 Proxy" summary:"Set a product's sale price (fen per unit), on-sale switch, display name, sort; price changes are kept as history"`
	ProductNo   string  `json:"productNo"   in:"path" v:"required|max-length:64"`
	SalePrice   *int64  `json:"salePrice"   v:"min:0"`
	Sellable    *bool   `json:"sellable"`
	DisplayName *string `json:"displayName" v:"max-length:128"`
	Sort        *int    `json:"sort"`
}

type ProductUpdateRes = ProductItem
