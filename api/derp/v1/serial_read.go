package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// SerialUser is who used a serial.
type SerialUser struct {
	Id    int64  `json:"id"`
	Email string `json:"email"`
}

// SerialItem is a serial without its code: the plaintext appears only at issue and in the export.
type SerialItem struct {
	Id            int64       `json:"id"`
	Last4         string      `json:"last4"`
	PlanId        int64       `json:"planId"`
	PlanName      string      `json:"planName"`
	Days          int         `json:"days"`
	Status        string      `json:"status" dc:"unused, used, expired or void"`
	Source        string      `json:"source" dc:"admin, purchase or grant"`
	DistributorId *int64      `json:"distributorId"`
	BatchId       int64       `json:"batchId"`
	OrderId       *int64      `json:"orderId"`
	ExpiresAt     string      `json:"expiresAt"`
	UsedBy        *SerialUser `json:"usedBy"`
	UsedAt        *string     `json:"usedAt"`
	UsedAs        string      `json:"usedAs"`
	RentalId      *int64      `json:"rentalId"`
}

type SerialListReq struct {
	g.Meta `path:"/derp/serials/list" method:"get" tags:"DERP" summary:"Serials in the caller's scope, never a code"`
	common.PageReq
	Status        string `json:"status"        v:"in:unused,used,expired,void"`
	PlanId        int64  `json:"planId"        v:"min:0"`
	BatchId       int64  `json:"batchId"       v:"min:0"`
	DistributorId int64  `json:"distributorId" v:"min:0"`
	Last4         string `json:"last4"         v:"max-length:4"`
}

type SerialListRes struct {
	Items []SerialItem `json:"items"`
	Total int          `json:"total"`
}

// SerialRental is the rental a serial activated or renewed.
type SerialRental struct {
	Id        int64  `json:"id"`
	RentalNo  string `json:"rentalNo"`
	State     string `json:"state"`
	ExpiresAt string `json:"expiresAt"`
}

// SerialContainer is one container of that rental (S only: agents never see servers).
type SerialContainer struct {
	Id         int64  `json:"id"`
	ServerId   int64  `json:"serverId"`
	ServerName string `json:"serverName"`
	HaIndex    int    `json:"haIndex"`
	Port       int    `json:"port"`
	Desired    string `json:"desired"`
	State      string `json:"state"`
}

type SerialGetReq struct {
	g.Meta `path:"/derp/serials/{id}" method:"get" tags:"DERP" summary:"One serial in scope with its rental (and, for S, its containers and servers)"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type SerialGetRes struct {
	SerialItem
	Rental     *SerialRental     `json:"rental"`
	Containers []SerialContainer `json:"containers"`
}

type SerialVoidReq struct {
	g.Meta `path:"/derp/serials/{id}/void" method:"post" tags:"DERP" summary:"Void an unused serial (S)"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type SerialVoidRes = SerialItem

// SerialBatchItem is one issued batch.
type SerialBatchItem struct {
	Id            int64  `json:"id"`
	PlanId        int64  `json:"planId"`
	PlanName      string `json:"planName"`
	Count         int    `json:"count"`
	DistributorId *int64 `json:"distributorId"`
	OrderId       *int64 `json:"orderId"`
	Source        string `json:"source"`
	Remark        string `json:"remark"`
	CreatedBy     int64  `json:"createdBy"`
	ExpiresAt     string `json:"expiresAt"`
	CreatedAt     string `json:"createdAt"`
}

type SerialBatchListReq struct {
	g.Meta `path:"/derp/serials/batches/list" method:"get" tags:"DERP" summary:"Serial batches: S all, a distributor its own"`
	common.PageReq
	PlanId        int64 `json:"planId"        v:"min:0"`
	DistributorId int64 `json:"distributorId" v:"min:0"`
}

type SerialBatchListRes struct {
	Items []SerialBatchItem `json:"items"`
	Total int               `json:"total"`
}

type SerialBatchExportReq struct {
	g.Meta `path:"/derp/serials/batches/{id}/export" method:"get" tags:"DERP" summary:"Download a batch's codes as .csv or .xlsx (S or its owner); op-logged" raw:"true" mime:"application/octet-stream"`
	Id     int64  `json:"id"     in:"path" v:"min:1"`
	Format string `json:"format" d:"csv" v:"in:csv,xlsx"`
}

type SerialBatchExportRes struct{}
