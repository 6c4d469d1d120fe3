package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

type OrderListReq struct {
	g.Meta `path:"/proxy/orders/list" method:"get" tags:"代理 Proxy" summary:"Orders in the caller's scope; upstream and cost fields reach the super-admin only"`
	common.PageReq
	Kind      string `json:"kind"      v:"in:dynamic,static,static_assign,renew,release,"`
	Status    string `json:"status"    v:"in:submitting,unknown,processing,success,partial,failed,"`
	UserId    int64  `json:"userId"    v:"min:0" dc:"proxy user"`
	AgentId   int64  `json:"agentId"   v:"min:0" dc:"owner (payer), inside the caller's scope"`
	ProductNo string `json:"productNo" v:"max-length:64"`
	From      string `json:"from"      v:"max-length:40" dc:"RFC 3339; created at or after it"`
	To        string `json:"to"        v:"max-length:40" dc:"RFC 3339; created before it"`
}

type OrderListRes struct {
	Items []OrderView `json:"items"`
	Total int         `json:"total"`
}
