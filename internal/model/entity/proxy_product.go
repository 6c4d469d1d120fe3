// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyProduct is the golang structure for table proxy_product.
type ProxyProduct struct {
	Id               int64       `json:"id"               orm:"id"                  description:""`
	ProductNo        string      `json:"productNo"        orm:"product_no"          description:""`
	Name             string      `json:"name"             orm:"name"                description:""`
	DisplayName      string      `json:"displayName"      orm:"display_name"        description:""`
	ProxyType        int         `json:"proxyType"        orm:"proxy_type"          description:""`
	Kind             string      `json:"kind"             orm:"kind"                description:""`
	CountryCode      string      `json:"countryCode"      orm:"country_code"        description:""`
	StateCode        string      `json:"stateCode"        orm:"state_code"          description:""`
	CityCode         string      `json:"cityCode"         orm:"city_code"           description:""`
	Unit             int         `json:"unit"             orm:"unit"                description:""`
	Duration         int         `json:"duration"         orm:"duration"            description:""`
	Inventory        int         `json:"inventory"        orm:"inventory"           description:""`
	DrawType         int         `json:"drawType"         orm:"draw_type"           description:""`
	AssignIp         int         `json:"assignIp"         orm:"assign_ip"           description:""`
	IpCount          int         `json:"ipCount"          orm:"ip_count"            description:""`
	RefundDuration   int         `json:"refundDuration"   orm:"refund_duration"     description:""`
	FlowBase         int         `json:"flowBase"         orm:"flow_base"           description:""`
	CapIpWhiteList   int         `json:"capIpWhiteList"   orm:"cap_ip_white_list"   description:""`
	CapPwdDraw       int         `json:"capPwdDraw"       orm:"cap_pwd_draw"        description:""`
	CapUserFlowLimit int         `json:"capUserFlowLimit" orm:"cap_user_flow_limit" description:""`
	CapFlowUseLog    int         `json:"capFlowUseLog"    orm:"cap_flow_use_log"    description:""`
	UpstreamEnable   int         `json:"upstreamEnable"   orm:"upstream_enable"     description:""`
	UpstreamStatus   string      `json:"upstreamStatus"   orm:"upstream_status"     description:""`
	CostPrice        int64       `json:"costPrice"        orm:"cost_price"          description:""`
	CostPriceRaw     string      `json:"costPriceRaw"     orm:"cost_price_raw"      description:""`
	SalePrice        int64       `json:"salePrice"        orm:"sale_price"          description:""`
	Sellable         int         `json:"sellable"         orm:"sellable"            description:""`
	Sort             int         `json:"sort"             orm:"sort"                description:""`
	RawHash          string      `json:"rawHash"          orm:"raw_hash"            description:""`
	Version          int64       `json:"version"          orm:"version"             description:""`
	SyncedAt         *gtime.Time `json:"syncedAt"         orm:"synced_at"           description:""`
	CreatedAt        *gtime.Time `json:"createdAt"        orm:"created_at"          description:""`
	UpdatedAt        *gtime.Time `json:"updatedAt"        orm:"updated_at"          description:""`
}
