package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// PriceItem is an agent's sale price override for one product.
type PriceItem struct {
	Id        int64  `json:"id"`
	AgentId   int64  `json:"agentId"`
	ProductNo string `json:"productNo"`
	SalePrice int64  `json:"salePrice" dc:"fen per unit of the product"`
	SetBy     int64  `json:"setBy"`
	Version   int64  `json:"version"`
	UpdatedAt string `json:"updatedAt"`
}

type PriceListReq struct {
	g.Meta `path:"/proxy/prices/list" method:"get" tags:"代理 Proxy" summary:"Agents' price overrides in the caller's scope"`
	common.PageReq
	AgentId   int64  `json:"agentId"   v:"min:0"`
	ProductNo string `json:"productNo" v:"max-length:64"`
}

type PriceListRes struct {
	Items []PriceItem `json:"items"`
	Total int         `json:"total"`
}

type PricePutReq struct {
	g.Meta    `path:"/proxy/prices" method:"put" tags:"代理 Proxy" summary:"Set an agent's price for a product; an agent-admin only below itself and never below its own effective price (409 PRICE_BELOW_FLOOR)"`
	AgentId   int64  `json:"agentId"   v:"required|min:1"`
	ProductNo string `json:"productNo" v:"required|max-length:64"`
	SalePrice int64  `json:"salePrice" v:"required|min:1"`
	Version   *int64 `json:"version"   v:"min:0" dc:"the row's version when editing one; stale → 409 CONFLICT"`
}

type PricePutRes = PriceItem

type PriceDeleteReq struct {
	g.Meta `path:"/proxy/prices/{id}" method:"delete" tags:"代理 Proxy" summary:"Remove an agent's price override (the product's sale price applies again)"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type PriceDeleteRes struct{}
