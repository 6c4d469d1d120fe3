// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// SecurityAlerts is the golang structure for table security_alerts.
type SecurityAlerts struct {
	Id         int64       `json:"id"         orm:"id"          description:""`
	CheckName  string      `json:"checkName"  orm:"check_name"  description:""`
	OpenKey    string      `json:"openKey"    orm:"open_key"    description:""`
	Status     string      `json:"status"     orm:"status"      description:""`
	Severity   string      `json:"severity"   orm:"severity"    description:""`
	Message    string      `json:"message"    orm:"message"     description:""`
	FirstSeen  *gtime.Time `json:"firstSeen"  orm:"first_seen"  description:""`
	LastSeen   *gtime.Time `json:"lastSeen"   orm:"last_seen"   description:""`
	Count      int64       `json:"count"      orm:"count"       description:""`
	ResolvedAt *gtime.Time `json:"resolvedAt" orm:"resolved_at" description:""`
}
