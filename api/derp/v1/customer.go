package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// CustomerItem is a DERP customer (a user of the role member) as staff see it.
type CustomerItem struct {
	Id              int64          `json:"id"`
	Username        string         `json:"username"        dc:"the lower-cased email"`
	Email           string         `json:"email"`
	RealName        string         `json:"realName"`
	Status          int            `json:"status"          dc:"1 enabled, 0 disabled, 2 pending email verification"`
	DistributorId   int64          `json:"distributorId"   dc:"the parent: an agent or agent-admin, or the super-admin (platform customer)"`
	DistributorName string         `json:"distributorName"`
	CreatedAt       string         `json:"createdAt"`
	Rentals         CustomerCounts `json:"rentals"`
	Balance         int64          `json:"balance"         dc:"ledger available, in quota units"`
}

// CustomerCounts counts a customer's rentals.
type CustomerCounts struct {
	Active int `json:"active"`
	Total  int `json:"total"`
}

type CustomerCreateReq struct {
	g.Meta        `path:"/derp/customers" method:"post" tags:"DERP" summary:"Create an enabled customer under the caller or a distributor in scope; the password must be changed at first login"`
	Email         string `json:"email"         v:"required|email|max-length:64"`
	Password      string `json:"password"      v:"required|length:8,72"`
	RealName      string `json:"realName"      v:"max-length:64"`
	Remark        string `json:"remark"        v:"max-length:255"`
	DistributorId *int64 `json:"distributorId" v:"min:0" dc:"S: any distributor, 0 = platform; AA: itself or its subtree; A: itself. Absent: the caller"`
}

type CustomerCreateRes = CustomerItem

type CustomerListReq struct {
	g.Meta `path:"/derp/customers/list" method:"get" tags:"DERP" summary:"Customers in the caller's scope"`
	common.PageReq
	Email         string `json:"email"         v:"max-length:64" dc:"substring of the email, any case"`
	DistributorId int64  `json:"distributorId" v:"min:0"`
}

type CustomerListRes struct {
	Items []CustomerItem `json:"items"`
	Total int            `json:"total"`
}

type CustomerGetReq struct {
	g.Meta `path:"/derp/customers/{id}" method:"get" tags:"DERP" summary:"One customer in scope"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type CustomerGetRes = CustomerItem

type RegisterReq struct {
	g.Meta     `path:"/derp/auth/register" method:"post" auth:"public" tags:"DERP" summary:"Customer self-registration: a pending member and the 24 h verification link; 202 whether or not the email exists"`
	Email      string `json:"email"      v:"required|email|max-length:64"`
	Password   string `json:"password"   v:"required|length:8,72"`
	InviteCode string `json:"inviteCode" v:"max-length:32" dc:"a distributor's customer invite code, any case"`
}

type RegisterRes struct{}

type ResendReq struct {
	g.Meta `path:"/derp/auth/resend" method:"post" auth:"public" tags:"DERP" summary:"Mail a new verification link to a pending customer; 202 in every case"`
	Email  string `json:"email" v:"required|email|max-length:64"`
}

type ResendRes struct{}
