package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// InstanceView is a static IP instance; password appears in the detail only.
type InstanceView struct {
	InstanceNo  string  `json:"instanceNo"`
	AgentId     int64   `json:"agentId"`
	ProductNo   string  `json:"productNo"`
	Ip          string  `json:"ip"`
	Port        int     `json:"port"`
	Protocol    string  `json:"protocol"`
	Username    string  `json:"username"`
	CountryCode string  `json:"countryCode"`
	CityCode    string  `json:"cityCode"`
	Status      string  `json:"status"    dc:"running, stopped, closed, released (upstream 3/6/10/11)"`
	ExpiresAt   *string `json:"expiresAt"`
	AutoRenew   bool    `json:"autoRenew"`
	UserId      int64   `json:"userId"`
	Remark      string  `json:"remark"`
	Busy        bool    `json:"busy"      dc:"an open renew or release order holds it"`
	Password    *string `json:"password,omitempty"`
}

type InstanceListReq struct {
	g.Meta `path:"/proxy/instances/list" method:"get" tags:"代理 Proxy" summary:"Static IP instances in the caller's scope"`
	common.PageReq
	ProductNo string `json:"productNo" v:"max-length:64"`
	UserId    int64  `json:"userId"    v:"min:0"`
	Status    string `json:"status"    v:"in:running,stopped,closed,released,"`
	Keyword   string `json:"keyword"   v:"max-length:64" dc:"instanceNo or IP prefix"`
}

type InstanceListRes struct {
	Items []InstanceView `json:"items"`
	Total int            `json:"total"`
}

type InstanceGetReq struct {
	g.Meta     `path:"/proxy/instances/{instanceNo}" method:"get" tags:"代理 Proxy" summary:"One instance with its password (404 outside the caller's scope)"`
	InstanceNo string `json:"instanceNo" in:"path" v:"required|max-length:64"`
}

type InstanceGetRes = InstanceView

type InstanceUpdateReq struct {
	g.Meta     `path:"/proxy/instances/{instanceNo}" method:"put" tags:"代理 Proxy" summary:"Set an instance's auto-renew, proxy user (0 = none) or remark"`
	InstanceNo string  `json:"instanceNo" in:"path" v:"required|max-length:64"`
	AutoRenew  *bool   `json:"autoRenew"`
	UserId     *int64  `json:"userId"     v:"min:0"`
	Remark     *string `json:"remark"     v:"max-length:100"`
}

type InstanceUpdateRes = InstanceView

type InstanceRenewReq struct {
	g.Meta      `path:"/proxy/instances/renew" method:"post" tags:"代理 Proxy" summary:"Renew the caller's instances: Σ price × cycles reserved; an instance with an open renew or release → 409 INSTANCE_BUSY (Idempotency-Key honoured)" idempotent:"true"`
	InstanceNos []string `json:"instanceNos" v:"required" dc:"1-20, one owner (the caller)"`
	CycleTimes  int      `json:"cycleTimes"  v:"required|between:1,12"`
}

type InstanceRenewRes = OrderView

type InstanceReleaseReq struct {
	g.Meta      `path:"/proxy/instances/release" method:"post" tags:"代理 Proxy" summary:"Release the caller's instances (free; a refund only as the upstream grants it); an instance with an open renew or release → 409 INSTANCE_BUSY (Idempotency-Key honoured)" idempotent:"true"`
	InstanceNos []string `json:"instanceNos" v:"required" dc:"1-20, one owner (the caller)"`
}

type InstanceReleaseRes = OrderView
