package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// RentalCustomer is the rental's owner.
type RentalCustomer struct {
	Id    int64  `json:"id"`
	Email string `json:"email"`
}

// RentalPeriod is one activation, renewal or extend.
type RentalPeriod struct {
	Id       int64  `json:"id"`
	Kind     string `json:"kind"`
	OrderId  *int64 `json:"orderId"`
	SerialId *int64 `json:"serialId"`
	PlanId   int64  `json:"planId"`
	Days     int    `json:"days"`
	StartsAt string `json:"startsAt"`
	EndsAt   string `json:"endsAt"`
}

// RentalContainer is one container as staff see it.
type RentalContainer struct {
	Id         int64  `json:"id"`
	ServerId   int64  `json:"serverId"`
	ServerName string `json:"serverName"`
	HaIndex    int    `json:"haIndex"`
	RegionId   int    `json:"regionId"`
	Port       int    `json:"port"`
	Desired    string `json:"desired"`
	State      string `json:"state"`
	LastError  string `json:"lastError"`
	RxBytes    int64  `json:"rxBytes"`
	TxBytes    int64  `json:"txBytes"`
	// AdmitPath is derper's -verify-client-url path (a bearer credential of the container):
	// answered to the super-admin only, null for everyone else.
	AdmitPath *string `json:"admitPath"`
}

// StaffRentalItem is a rental in a staff list.
type StaffRentalItem struct {
	RentalDetail
	Customer      RentalCustomer `json:"customer"`
	DistributorId int64          `json:"distributorId"`
	HoldReason    string         `json:"holdReason"`
}

type RentalListReq struct {
	g.Meta `path:"/derp/rentals/list" method:"get" tags:"DERP" summary:"Rentals in the caller's scope"`
	common.PageReq
	State         string `json:"state"         v:"in:active,suspended,expired,deregistering,deregistered"`
	CustomerId    int64  `json:"customerId"    v:"min:0"`
	DistributorId int64  `json:"distributorId" v:"min:0"`
	ServerId      int64  `json:"serverId"      v:"min:0"`
	ExpiresBefore string `json:"expiresBefore" v:"max-length:40" dc:"RFC 3339"`
}

type RentalListRes struct {
	Items []StaffRentalItem `json:"items"`
	Total int               `json:"total"`
}

type RentalGetReq struct {
	g.Meta `path:"/derp/rentals/{id}" method:"get" tags:"DERP" summary:"One rental in scope with its periods and containers"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type RentalGetRes struct {
	StaffRentalItem
	Periods    []RentalPeriod    `json:"periods"`
	Containers []RentalContainer `json:"containers"`
}
