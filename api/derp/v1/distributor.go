package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// DistributorItem is an agent or agent-admin that sells DERP serials, with its tier's rates.
type DistributorItem struct {
	UserId        int64  `json:"userId"`
	Username      string `json:"username"`
	Role          string `json:"role"`
	Tier          string `json:"tier"`
	DiscountBps   int    `json:"discountBps"`
	CommissionBps int    `json:"commissionBps"`
	InviteCode    string `json:"inviteCode" dc:"the customer invite code (not the agent-recruiting one)"`
}

type DistributorSetReq struct {
	g.Meta `path:"/derp/distributors/{userId}" method:"put" tags:"DERP" summary:"Make an agent or agent-admin a distributor, or change its tier"`
	UserId int64  `json:"userId" in:"path" v:"required|min:1"`
	Tier   string `json:"tier"   v:"required|in:gold,platinum,diamond"`
}

type DistributorSetRes = DistributorItem

type DistributorDeleteReq struct {
	g.Meta `path:"/derp/distributors/{userId}" method:"delete" tags:"DERP" summary:"Stop a distributor's new purchases; its customers and history stay"`
	UserId int64 `json:"userId" in:"path" v:"required|min:1"`
}

type DistributorDeleteRes struct{}

type DistributorListReq struct {
	g.Meta `path:"/derp/distributors/list" method:"get" tags:"DERP" summary:"The active distributors"`
	common.PageReq
	Tier string `json:"tier" v:"in:gold,platinum,diamond"`
}

type DistributorListRes struct {
	Items []DistributorItem `json:"items"`
	Total int               `json:"total"`
}
