package v1

import "github.com/gogf/gf/v2/frame/g"

type ReturnCreateReq struct {
	g.Meta       `path:"/proxy/returns" method:"post" tags:"代理 Proxy" summary:"Return an agent's unused flow: proxy/return/v2 first, then a ledger credit (default returnAmount × salePrice / costPrice, floor), capped by what the agent paid for the product in 90 days"`
	AgentId      int64  `json:"agentId"      v:"required|min:1"`
	ProductNo    string `json:"productNo"    v:"required|max-length:64"`
	FlowMb       int64  `json:"flowMb"       v:"required|min:1|max:104857600"`
	CreditAmount *int64 `json:"creditAmount" v:"min:0" dc:"fen; overrides the default formula, still capped"`
	Remark       string `json:"remark"       v:"max-length:255"`
}

type ReturnCreateRes struct {
	Id           int64  `json:"id"`
	AgentId      int64  `json:"agentId"`
	ProductNo    string `json:"productNo"`
	FlowMb       int64  `json:"flowMb"`
	ReturnAmount int64  `json:"returnAmount" dc:"fen, what the upstream gave back"`
	CreditAmount int64  `json:"creditAmount" dc:"fen, what the agent was credited"`
	CreatedAt    string `json:"createdAt"`
}
