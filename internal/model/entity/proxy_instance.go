// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyInstance is the golang structure for table proxy_instance.
type ProxyInstance struct {
	Id          int64       `json:"id"          orm:"id"            description:""`
	InstanceNo  string      `json:"instanceNo"  orm:"instance_no"   description:""`
	AgentId     int64       `json:"agentId"     orm:"agent_id"      description:""`
	UserId      int64       `json:"userId"      orm:"user_id"       description:""`
	OrderId     int64       `json:"orderId"     orm:"order_id"      description:""`
	ProductNo   string      `json:"productNo"   orm:"product_no"    description:""`
	ProxyType   int         `json:"proxyType"   orm:"proxy_type"    description:""`
	Protocol    string      `json:"protocol"    orm:"protocol"      description:""`
	Ip          string      `json:"ip"          orm:"ip"            description:""`
	Port        int         `json:"port"        orm:"port"          description:""`
	Username    string      `json:"username"    orm:"username"      description:""`
	Password    string      `json:"password"    orm:"password"      description:""`
	CountryCode string      `json:"countryCode" orm:"country_code"  description:""`
	CityCode    string      `json:"cityCode"    orm:"city_code"     description:""`
	Status      int         `json:"status"      orm:"status"        description:""`
	ExpiresAt   *gtime.Time `json:"expiresAt"   orm:"expires_at"    description:""`
	AutoRenew   int         `json:"autoRenew"   orm:"auto_renew"    description:""`
	BusyOrderId int64       `json:"busyOrderId" orm:"busy_order_id" description:""`
	Remark      string      `json:"remark"      orm:"remark"        description:""`
	ReleasedAt  *gtime.Time `json:"releasedAt"  orm:"released_at"   description:""`
	RemindedFor *gtime.Time `json:"remindedFor" orm:"reminded_for"  description:""`
	RenewedFor  *gtime.Time `json:"renewedFor"  orm:"renewed_for"   description:""`
	Version     int64       `json:"version"     orm:"version"       description:""`
	CreatedAt   *gtime.Time `json:"createdAt"   orm:"created_at"    description:""`
	UpdatedAt   *gtime.Time `json:"updatedAt"   orm:"updated_at"    description:""`
}
