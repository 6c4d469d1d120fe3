// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyDiscrepancy is the golang structure for table proxy_discrepancy.
type ProxyDiscrepancy struct {
	Id         int64       `json:"id"         orm:"id"          description:""`
	Kind       string      `json:"kind"       orm:"kind"        description:""`
	Subject    string      `json:"subject"    orm:"subject"     description:""`
	Detail     string      `json:"detail"     orm:"detail"      description:""`
	Status     string      `json:"status"     orm:"status"      description:""`
	Resolution string      `json:"resolution" orm:"resolution"  description:""`
	Remark     string      `json:"remark"     orm:"remark"      description:""`
	ResolvedBy int64       `json:"resolvedBy" orm:"resolved_by" description:""`
	CreatedAt  *gtime.Time `json:"createdAt"  orm:"created_at"  description:""`
	ResolvedAt *gtime.Time `json:"resolvedAt" orm:"resolved_at" description:""`
}
