package v1

import (
	"github.com/gogf/gf/v2/frame/g"
)

type MeRentalAutoRenewReq struct {
	g.Meta    `path:"/derp/me/rentals/{id}/auto-renew" method:"put" auth:"login" tags:"DERP" summary:"Turn on or off the renewal of a rental from the balance, with its plan, in the day before it expires"`
	Id        int64 `json:"id"        in:"path" v:"required|min:1"`
	AutoRenew *bool `json:"autoRenew" v:"required"`
}

type MeRentalAutoRenewRes struct {
	Id        int64 `json:"id"`
	AutoRenew bool  `json:"autoRenew"`
}
