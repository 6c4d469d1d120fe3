package v1

import (
	"github.com/gogf/gf/v2/frame/g"
)

// TierItem is a distributor tier: discount on serial purchases, commission on renewals (bps).
type TierItem struct {
	Code          string `json:"code"`
	Name          string `json:"name"`
	DiscountBps   int    `json:"discountBps"`
	CommissionBps int    `json:"commissionBps"`
}

type TierListReq struct {
	g.Meta `path:"/derp/tiers/list" method:"get" tags:"DERP" summary:"The distributor tiers"`
}

type TierListRes struct {
	Items []TierItem `json:"items"`
	Total int        `json:"total"`
}

type TierUpdateReq struct {
	g.Meta        `path:"/derp/tiers/{code}" method:"put" tags:"DERP" summary:"Edit a tier's name and rates; past orders keep their snapshot"`
	Code          string  `json:"code"          in:"path" v:"required|in:gold,platinum,diamond"`
	Name          *string `json:"name"          v:"max-length:32"`
	DiscountBps   *int    `json:"discountBps"   v:"between:0,10000"`
	CommissionBps *int    `json:"commissionBps" v:"between:0,10000"`
}

type TierUpdateRes = TierItem
