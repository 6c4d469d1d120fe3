package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

type RentalDeregisterReq struct {
	g.Meta `path:"/derp/rentals/{id}/deregister" method:"post" tags:"DERP" summary:"Deregister a rental now: containers removed, ACL revoked, history kept (S; force skips the settlement check)"`
	Id     int64 `json:"id"    in:"path" v:"required|min:1"`
	Force  bool  `json:"force"`
}

type RentalDeregisterRes = RentalGetRes

type RentalHistoryListReq struct {
	g.Meta `path:"/derp/rentals/history/list" method:"get" tags:"DERP" summary:"Snapshots of deregistered rentals in the caller's scope"`
	common.PageReq
	CustomerId    int64 `json:"customerId"    v:"min:0"`
	DistributorId int64 `json:"distributorId" v:"min:0"`
}

// RentalHistoryItem is the snapshot written when a rental was deregistered.
type RentalHistoryItem struct {
	Id               int64          `json:"id"`
	RentalId         int64          `json:"rentalId"`
	RentalNo         string         `json:"rentalNo"`
	Customer         RentalCustomer `json:"customer"`
	DistributorId    int64          `json:"distributorId"`
	PlanId           int64          `json:"planId"`
	StartedAt        string         `json:"startedAt"`
	ExpiresAt        string         `json:"expiresAt"`
	DeregisteredAt   string         `json:"deregisteredAt"`
	TrafficUsedBytes int64          `json:"trafficUsedBytes"`
	// Snapshot is what the rental served at deregistration: its periods and containers.
	Snapshot *RentalSnapshot `json:"snapshot"`
}

// RentalSnapshot freezes a rental's periods and containers (servers by name and address).
type RentalSnapshot struct {
	RentalNo   string              `json:"rentalNo"`
	State      string              `json:"state"`
	AclVersion int                 `json:"aclVersion"`
	Periods    []RentalPeriod      `json:"periods"`
	Containers []SnapshotContainer `json:"containers"`
}

// SnapshotContainer is one container as it was when the rental was deregistered.
type SnapshotContainer struct {
	Id         int64  `json:"id"`
	ServerId   int64  `json:"serverId"`
	ServerName string `json:"serverName"`
	PublicIpv4 string `json:"publicIpv4"`
	Region     string `json:"region"`
	HaIndex    int    `json:"haIndex"`
	Port       int    `json:"port"`
	State      string `json:"state"`
	RxBytes    int64  `json:"rxBytes"`
	TxBytes    int64  `json:"txBytes"`
}

type RentalHistoryListRes struct {
	Items []RentalHistoryItem `json:"items"`
	Total int                 `json:"total"`
}
