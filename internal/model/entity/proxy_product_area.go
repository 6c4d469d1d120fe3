// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyProductArea is the golang structure for table proxy_product_area.
type ProxyProductArea struct {
	Id          int64       `json:"id"          orm:"id"           description:""`
	ProductNo   string      `json:"productNo"   orm:"product_no"   description:""`
	AreaCode    string      `json:"areaCode"    orm:"area_code"    description:""`
	CountryCode string      `json:"countryCode" orm:"country_code" description:""`
	StateCode   string      `json:"stateCode"   orm:"state_code"   description:""`
	CityCode    string      `json:"cityCode"    orm:"city_code"    description:""`
	Status      int         `json:"status"      orm:"status"       description:""`
	Region      string      `json:"region"      orm:"region"       description:""`
	RawHash     string      `json:"rawHash"     orm:"raw_hash"     description:""`
	SyncedAt    *gtime.Time `json:"syncedAt"    orm:"synced_at"    description:""`
}
