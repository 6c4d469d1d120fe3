package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// DeviceItem is one node key of a rental: approved and blocked keys decide admission (§7).
type DeviceItem struct {
	Id         int64  `json:"id"`
	NodeKey    string `json:"nodeKey"`
	Name       string `json:"name"`
	Status     string `json:"status"`
	Source     string `json:"source"`
	Ips        string `json:"ips"`
	LastSeenAt string `json:"lastSeenAt"`
	CreatedAt  string `json:"createdAt"`
}

type MeDeviceListReq struct {
	g.Meta `path:"/derp/me/rentals/{id}/devices/list" method:"get" auth:"login" tags:"DERP" summary:"The rental's devices (approved, pending and blocked)"`
	common.PageReq
	Id     int64  `json:"id"     in:"path" v:"required|min:1"`
	Status string `json:"status" v:"in:approved,pending,blocked"`
}

type MeDeviceListRes struct {
	Items []DeviceItem `json:"items"`
	Total int          `json:"total"`
}

type MeDeviceCreateReq struct {
	g.Meta  `path:"/derp/me/rentals/{id}/devices" method:"post" auth:"login" tags:"DERP" summary:"Approve a node key (nodekey:<64 hex> or bare hex, any case)"`
	Id      int64  `json:"id"      in:"path" v:"required|min:1"`
	NodeKey string `json:"nodeKey" v:"required|max-length:80"`
	Name    string `json:"name"    v:"max-length:64"`
}

type MeDeviceCreateRes = DeviceItem

type MeDeviceUpdateReq struct {
	g.Meta `path:"/derp/me/rentals/{id}/devices/{did}" method:"put" auth:"login" tags:"DERP" summary:"Approve or block a device, or rename it"`
	Id     int64   `json:"id"     in:"path" v:"required|min:1"`
	Did    int64   `json:"did"    in:"path" v:"required|min:1"`
	Status string  `json:"status" v:"required|in:approved,blocked"`
	Name   *string `json:"name"   v:"max-length:64"`
}

type MeDeviceUpdateRes = DeviceItem

type MeDeviceDeleteReq struct {
	g.Meta `path:"/derp/me/rentals/{id}/devices/{did}" method:"delete" auth:"login" tags:"DERP" summary:"Forget a device"`
	Id     int64 `json:"id"  in:"path" v:"required|min:1"`
	Did    int64 `json:"did" in:"path" v:"required|min:1"`
}

type MeDeviceDeleteRes struct{}

type MeDeviceLearnReq struct {
	g.Meta  `path:"/derp/me/rentals/{id}/devices/learn" method:"post" auth:"login" tags:"DERP" summary:"Open the learn window: unknown keys that connect are approved until maxDevices"`
	Id      int64 `json:"id"      in:"path" v:"required|min:1"`
	Minutes int   `json:"minutes" v:"required|between:1,60"`
}

type MeDeviceLearnRes struct {
	LearnUntil string `json:"learnUntil"`
}
