// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// QuotaAlerts is the golang structure for table quota_alerts.
type QuotaAlerts struct {
	Id        int64       `json:"id"        orm:"id"         description:""`
	Kind      string      `json:"kind"      orm:"kind"       description:""`
	UserId    int64       `json:"userId"    orm:"user_id"    description:""`
	Bucket    string      `json:"bucket"    orm:"bucket"     description:""`
	Expected  int64       `json:"expected"  orm:"expected"   description:""`
	Actual    int64       `json:"actual"    orm:"actual"     description:""`
	CreatedAt *gtime.Time `json:"createdAt" orm:"created_at" description:""`
}
