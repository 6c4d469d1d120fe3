package v1

import (
	"github.com/gogf/gf/v2/frame/g"
)

type MeRentalRenewReq struct {
	g.Meta    `path:"/derp/me/rentals/{id}/renew" method:"post" auth:"login" tags:"DERP" summary:"Renew a rental with a serial or a plan paid from the balance (Idempotency-Key honoured)" idempotent:"true"`
	Id        int64  `json:"id"        in:"path" v:"required|min:1"`
	Serial    string `json:"serial"    v:"required-without:PlanId|max-length:64"`
	PlanId    int64  `json:"planId"    v:"required-without:Serial|min:0"`
	PayMethod string `json:"payMethod" v:"required-with:PlanId|in:balance"`
}

// MeRentalRenewRes is the renewal's order and the rental after it.
type MeRentalRenewRes struct {
	Order  *OrderItem    `json:"order"`
	Rental *RentalDetail `json:"rental"`
}

type RentalExtendReq struct {
	g.Meta       `path:"/derp/rentals/{id}/extend" method:"post" tags:"DERP" summary:"Set a rental's expiry to an exact instant (S)"`
	Id           int64  `json:"id"           in:"path" v:"required|min:1"`
	ExpiresAt    string `json:"expiresAt"    v:"required|max-length:40" dc:"RFC 3339"`
	AllowShorten bool   `json:"allowShorten"`
}

type RentalExtendRes = RentalGetRes

type RentalSuspendReq struct {
	g.Meta `path:"/derp/rentals/{id}/suspend" method:"post" tags:"DERP" summary:"Suspend an active rental"`
	Id     int64  `json:"id"     in:"path" v:"required|min:1"`
	Reason string `json:"reason" v:"required|in:admin,anomaly,traffic"`
}

type RentalSuspendRes = RentalGetRes

type RentalResumeReq struct {
	g.Meta `path:"/derp/rentals/{id}/resume" method:"post" tags:"DERP" summary:"Resume a suspended rental"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type RentalResumeRes = RentalGetRes
