// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// SecurityEvents is the golang structure for table security_events.
type SecurityEvents struct {
	Id        int64       `json:"id"        orm:"id"         description:""`
	UserId    int64       `json:"userId"    orm:"user_id"    description:""`
	Username  string      `json:"username"  orm:"username"   description:""`
	Kind      string      `json:"kind"      orm:"kind"       description:""`
	Severity  string      `json:"severity"  orm:"severity"   description:""`
	Measure   string      `json:"measure"   orm:"measure"    description:""`
	Ip        string      `json:"ip"        orm:"ip"         description:""`
	Location  string      `json:"location"  orm:"location"   description:""`
	Detail    string      `json:"detail"    orm:"detail"     description:""`
	CreatedAt *gtime.Time `json:"createdAt" orm:"created_at" description:""`
}
