// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyRegion is the golang structure for table proxy_region.
type ProxyRegion struct {
	Id         int64       `json:"id"         orm:"id"          description:""`
	Code       string      `json:"code"       orm:"code"        description:""`
	ParentCode string      `json:"parentCode" orm:"parent_code" description:""`
	Name       string      `json:"name"       orm:"name"        description:""`
	NameEn     string      `json:"nameEn"     orm:"name_en"     description:""`
	RawHash    string      `json:"rawHash"    orm:"raw_hash"    description:""`
	SyncedAt   *gtime.Time `json:"syncedAt"   orm:"synced_at"   description:""`
}
