// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyUserLimit is the golang structure for table proxy_user_limit.
type ProxyUserLimit struct {
	Id         int64       `json:"id"         orm:"id"          description:""`
	UserId     int64       `json:"userId"     orm:"user_id"     description:""`
	ProductNo  string      `json:"productNo"  orm:"product_no"  description:""`
	LimitBytes int64       `json:"limitBytes" orm:"limit_bytes" description:""`
	Pushed     int         `json:"pushed"     orm:"pushed"      description:""`
	PushedAt   *gtime.Time `json:"pushedAt"   orm:"pushed_at"   description:""`
	LastError  string      `json:"lastError"  orm:"last_error"  description:""`
	UpdatedAt  *gtime.Time `json:"updatedAt"  orm:"updated_at"  description:""`
}
