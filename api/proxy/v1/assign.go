package v1

import "github.com/gogf/gf/v2/frame/g"

type StaticAssignOrderReq struct {
	g.Meta     `path:"/proxy/orders/static-assign" method:"post" tags:"代理 Proxy" summary:"Open one static IP of the caller's choice (products with assignIp): price × cycles reserved before the upstream call (Idempotency-Key honoured)" idempotent:"true"`
	ProductNo  string `json:"productNo"  v:"required|max-length:64"`
	Ip         string `json:"ip"         v:"required|ip"`
	CycleTimes int    `json:"cycleTimes" v:"required|between:1,12"`
	UserId     int64  `json:"userId"     v:"min:0"`
	AutoRenew  bool   `json:"autoRenew"`
}

type StaticAssignOrderRes = OrderView

type AssignIPReq struct {
	g.Meta    `path:"/proxy/assign-ip" method:"get" tags:"代理 Proxy" summary:"Whether an IP can be bought by assign for a product (assign/ip/info/v2)"`
	ProductNo string `json:"productNo" v:"required|max-length:64"`
	Ip        string `json:"ip"        v:"required|ip"`
}

type AssignIPRes struct {
	Ip     string `json:"ip"`
	CanBuy bool   `json:"canBuy"`
}
