package v1

import (
	"github.com/gogf/gf/v2/frame/g"
)

// PlanItem is a rental plan; price in fen, trafficBytes 0 = unlimited.
type PlanItem struct {
	Id           int64  `json:"id"`
	Name         string `json:"name"`
	Days         int    `json:"days"`
	Price        int64  `json:"price"`
	TrafficBytes int64  `json:"trafficBytes"`
	MaxDevices   int    `json:"maxDevices"`
	Status       string `json:"status" dc:"enabled or disabled"`
	Sort         int    `json:"sort"`
}

type PlanListReq struct {
	g.Meta `path:"/derp/plans/list" method:"get" tags:"DERP" summary:"Every plan, enabled or not"`
}

type PlanListRes struct {
	Items []PlanItem `json:"items"`
	Total int        `json:"total"`
}

type PlanCreateReq struct {
	g.Meta       `path:"/derp/plans" method:"post" tags:"DERP" summary:"Create a plan"`
	Name         string  `json:"name"         v:"required|max-length:64"`
	Days         int     `json:"days"         v:"required|between:1,3660"`
	Price        int64   `json:"price"        v:"required|min:0"`
	TrafficBytes *int64  `json:"trafficBytes" v:"min:0"`
	MaxDevices   *int    `json:"maxDevices"   v:"between:1,1000"`
	Status       *string `json:"status"       v:"in:enabled,disabled"`
	Sort         *int    `json:"sort"`
}

type PlanCreateRes = PlanItem

type PlanUpdateReq struct {
	g.Meta       `path:"/derp/plans/{id}" method:"put" tags:"DERP" summary:"Edit a plan; sold terms keep what they bought"`
	Id           int64   `json:"id"           in:"path" v:"required|min:1"`
	Name         *string `json:"name"         v:"max-length:64"`
	Days         *int    `json:"days"         v:"between:1,3660"`
	Price        *int64  `json:"price"        v:"min:0"`
	TrafficBytes *int64  `json:"trafficBytes" v:"min:0"`
	MaxDevices   *int    `json:"maxDevices"   v:"between:1,1000"`
	Status       *string `json:"status"       v:"in:enabled,disabled"`
	Sort         *int    `json:"sort"`
}

type PlanUpdateRes = PlanItem

type PlanDeleteReq struct {
	g.Meta `path:"/derp/plans/{id}" method:"delete" tags:"DERP" summary:"Delete a plan never sold (409 otherwise: disable it instead)"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type PlanDeleteRes struct{}

type PublicPlansReq struct {
	g.Meta `path:"/derp/public/plans" method:"get" auth:"public" tags:"DERP" summary:"The enabled plans"`
}

type PublicPlansRes struct {
	Items []PlanItem `json:"items"`
	Total int        `json:"total"`
}

type PublicPaymentReq struct {
	g.Meta `path:"/derp/public/payment" method:"get" auth:"public" tags:"DERP" summary:"The offline payment accounts (derp.payment)"`
}

// PaymentAccount is one offline channel.
type PaymentAccount struct {
	Name    string `json:"name"`
	Account string `json:"account"`
	QrUrl   string `json:"qrUrl"`
	Note    string `json:"note"`
}

type PublicPaymentRes struct {
	Alipay *PaymentAccount `json:"alipay"`
	Wechat *PaymentAccount `json:"wechat"`
}
